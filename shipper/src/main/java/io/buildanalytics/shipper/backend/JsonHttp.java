package io.buildanalytics.shipper.backend;

import java.io.IOException;
import java.util.Map;

/**
 * One HTTP exchange with the engine through the product's own client (so TLS, proxy, credentials, timeouts, node
 * selection and path prefix are the client's), without the client's typed models. Used where the shipper needs
 * the engine's JSON as it is: version detection on servers the typed models reject, templates kept verbatim,
 * privilege checks, and OpenSearch bulk bodies sent as they are.
 */
interface JsonHttp {

    /**
     * @param path   starts with "/", without the connection's path prefix, with any name already URL-encoded
     * @param query  query parameters, not encoded
     * @param body   the request body, or null for none
     * @param contentType the body's media type, ignored without a body
     * @return the answer whatever its status; only a failure to get one throws
     */
    HttpAnswer send(String method, String path, Map<String, String> query, byte[] body, String contentType)
            throws IOException;

    default HttpAnswer get(String path, Map<String, String> query) throws IOException {
        return send("GET", path, query, null, null);
    }
}
