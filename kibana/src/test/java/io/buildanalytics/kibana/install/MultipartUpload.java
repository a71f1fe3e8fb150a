package io.buildanalytics.kibana.install;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Reads a multipart/form-data request body back with Apache James mime4j, a parser independent of the code under
 * test, the way a server would.
 */
final class MultipartUpload {

    /** One part: its Content-Disposition value and parameters, its headers (lower-case names) and its bytes. */
    record Part(String disposition, Map<String, String> dispositionParameters, Map<String, String> headers,
                byte[] content) {
        String name() {
            return dispositionParameters.get("name");
        }

        String fileName() {
            return dispositionParameters.get("filename");
        }
    }

    private MultipartUpload() {
    }

    static List<Part> parse(String contentType, byte[] body) throws IOException, MimeException {
        // No line length limits: each bundle line is a whole saved object and can be long.
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setStrictParsing(true)
                .build();
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.parseHeadless(new ByteArrayInputStream(body), contentType);
        List<Part> parts = new ArrayList<>();
        Map<String, String> headers = null;
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            if (state == EntityState.T_START_BODYPART) {
                headers = new LinkedHashMap<>();
            } else if (state == EntityState.T_FIELD && headers != null) {
                Field field = stream.getField();
                headers.put(field.getNameLowerCase(), field.getBody());
            } else if (state == EntityState.T_BODY && headers != null) {
                byte[] content = stream.getInputStream().readAllBytes();
                RawBody disposition = RawFieldParser.DEFAULT.parseRawBody(
                        new RawField("Content-Disposition", headers.getOrDefault("content-disposition", "")));
                Map<String, String> parameters = new LinkedHashMap<>();
                for (NameValuePair parameter : disposition.getParams()) {
                    parameters.put(parameter.getName(), parameter.getValue());
                }
                parts.add(new Part(disposition.getValue(), parameters, headers, content));
                headers = null;
            }
        }
        return parts;
    }
}
