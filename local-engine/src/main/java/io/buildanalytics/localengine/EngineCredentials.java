package io.buildanalytics.localengine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** A user name and password that a secured node accepts, e.g. its superuser's ({@link LocalEngine#superuser()}). */
public record EngineCredentials(String username, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 18 random bytes make 24 URL-safe Base64 characters: no character a shell or a CLI parser would trip over. */
    private static final int GENERATED_PASSWORD_BYTES = 18;

    public EngineCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Value of an {@code Authorization} header for HTTP Basic authentication with these credentials. */
    public String basicAuthorization() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the password, so credentials may end up in assertion messages and logs. */
    @Override
    public String toString() {
        return "EngineCredentials[username=" + username + ", password=****]";
    }

    /** A fresh random password for {@code username}: each secured node gets its own. */
    static EngineCredentials withGeneratedPassword(String username) {
        byte[] secret = new byte[GENERATED_PASSWORD_BYTES];
        RANDOM.nextBytes(secret);
        return new EngineCredentials(username, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
