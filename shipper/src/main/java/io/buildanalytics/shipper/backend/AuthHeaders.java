package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.Auth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header value for credentials that travel as a header. Sent with every request
 * (preemptively) rather than after a 401 challenge: engines answer API keys and bearer tokens only that way,
 * and for basic auth it saves a round trip per connection.
 */
final class AuthHeaders {

    private AuthHeaders() {
    }

    /** Empty for no credentials and for AWS SigV4, which signs each request instead. */
    static Optional<String> authorization(Auth auth) {
        if (auth instanceof Auth.Basic basic) {
            String pair = basic.username() + ":" + basic.password().reveal();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (auth instanceof Auth.ApiKey key) {
            return Optional.of("ApiKey " + key.encoded());
        }
        if (auth instanceof Auth.Bearer bearer) {
            return Optional.of("Bearer " + bearer.token().reveal());
        }
        return Optional.empty();
    }
}
