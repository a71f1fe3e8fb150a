package io.buildanalytics.shipper.backend;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes an AWS Signature Version 4 from a received request, independently of the AWS SDK, following AWS's
 * published algorithm: canonical request, string to sign, the HMAC-SHA256 key derivation chain, signature.
 * Written for the simple paths and queries the backends send (no characters that need encoding).
 */
final class SigV4Check {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                    + "SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    /** The parts of the Authorization header. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                         String signature) {
    }

    private SigV4Check() {
    }

    static Authorization parse(String header) {
        Matcher matcher = AUTHORIZATION.matcher(header == null ? "" : header);
        if (!matcher.matches()) {
            throw new AssertionError("Not a SigV4 Authorization header: " + header);
        }
        return new Authorization(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
                List.of(matcher.group(5).split(";")), matcher.group(6));
    }

    /**
     * @param headerValue   the value of a received header by its lower-case name, or null
     */
    static String expectedSignature(String method, String rawPath, String rawQuery,
                                    java.util.function.Function<String, String> headerValue,
                                    Authorization authorization, String secretAccessKey) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : authorization.signedHeaders()) {
            String value = headerValue.apply(name);
            canonicalHeaders.append(name).append(':')
                    .append(value == null ? "" : value.trim().replaceAll(" +", " ")).append('\n');
        }
        String canonicalRequest = method + "\n"
                + (rawPath.isEmpty() ? "/" : rawPath) + "\n"
                + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", authorization.signedHeaders()) + "\n"
                + headerValue.apply("x-amz-content-sha256");
        String scope = authorization.date() + "/" + authorization.region() + "/" + authorization.service()
                + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + headerValue.apply("x-amz-date") + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            pairs.add(encode(name) + "=" + encode(value));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX with upper-case hex. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
