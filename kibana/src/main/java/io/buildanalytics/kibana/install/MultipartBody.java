package io.buildanalytics.kibana.install;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body with one file part (RFC 7578), which is how the saved-objects import API
 * takes its file; the JDK HttpClient has no multipart support of its own.
 */
final class MultipartBody {

    private static final String CRLF = "\r\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final byte[] bytes;

    private MultipartBody(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    static MultipartBody withFile(String fieldName, String fileName, String contentType, byte[] content) {
        return withFile(fieldName, fileName, contentType, content, MultipartBody::randomBoundary);
    }

    /** With boundary candidates from elsewhere, so a test can offer one that occurs in the content. */
    static MultipartBody withFile(String fieldName, String fileName, String contentType, byte[] content,
                                  Supplier<String> boundaryCandidates) {
        Objects.requireNonNull(content, "content");
        String boundary = boundaryAbsentFrom(content, boundaryCandidates);
        String head = "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + quoted(fieldName) + "\"; filename=\""
                + quoted(fileName) + "\"" + CRLF
                + "Content-Type: " + contentType + CRLF
                + CRLF;
        String tail = CRLF + "--" + boundary + "--" + CRLF;
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + head.length() + tail.length());
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return new MultipartBody(boundary, body.toByteArray());
    }

    /** The request's {@code Content-Type} header value, naming the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    String boundary() {
        return boundary;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The first candidate that does not occur in the content: a boundary inside the content would end the part
     * early. With random boundaries a second draw is astronomically unlikely, but it costs nothing to be sure.
     */
    private static String boundaryAbsentFrom(byte[] content, Supplier<String> candidates) {
        while (true) {
            String boundary = candidates.get();
            if (indexOf(content, ("--" + boundary).getBytes(StandardCharsets.US_ASCII)) < 0) {
                return boundary;
            }
        }
    }

    private static String randomBoundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "BuildAnalytics-" + HexFormat.of().formatHex(random);
    }

    /**
     * A value for inside the double quotes of a Content-Disposition parameter, escaped as browsers do for form
     * submissions (the HTML standard's multipart/form-data encoding): quote, CR and LF percent-encoded, so the
     * value can neither end the quoted string nor the header line.
     */
    static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
