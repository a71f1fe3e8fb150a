package io.buildanalytics.shipper.backend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** {@link JsonHttp} over Elasticsearch's low-level REST client. */
final class RestClientHttp implements JsonHttp {

    private final RestClient client;

    RestClientHttp(RestClient client) {
        this.client = client;
    }

    @Override
    public HttpAnswer send(String method, String path, Map<String, String> query, byte[] body, String contentType)
            throws IOException {
        Request request = new Request(method, path);
        request.addParameters(query);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.create(contentType)));
        }
        try {
            return answerOf(client.performRequest(request));
        } catch (ResponseException refused) {
            // The low-level client throws for every non-2xx answer; callers want the answer itself.
            return answerOf(refused.getResponse());
        }
    }

    /**
     * The answer inside a failure of the typed client, when there is one: for a status it does not map itself
     * (413, 429, 5xx) the low-level client's {@link ResponseException} comes through.
     */
    static HttpAnswer answerInside(Throwable failure) throws IOException {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseException refused) {
                return answerOf(refused.getResponse());
            }
        }
        return null;
    }

    private static HttpAnswer answerOf(Response response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] content = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new HttpAnswer(response.getStatusLine().getStatusCode(), headers, content);
    }
}
