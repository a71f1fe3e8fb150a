package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.SecretText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks the connection's secrets in text that came from elsewhere (an engine's error reason, a proxy's page, an
 * exception message) before it goes into a {@link BackendException}: a misbehaving proxy or engine may echo a
 * header back, and our messages end up in build logs and status pages.
 */
final class Secrets {

    private static final String MASK = "******";

    private final List<String> values;

    private Secrets(List<String> values) {
        // Longest first, so a secret that contains another is masked whole.
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(values);
    }

    static Secrets of(EngineConnection connection) {
        List<String> values = valuesOf(connection.auth());
        if (connection.proxy() != null) {
            add(values, connection.proxy().password());
        }
        return new Secrets(values);
    }

    /** For a connection that has only credentials (the dashboards installer's, which has no proxy). */
    static Secrets of(Auth auth) {
        return new Secrets(valuesOf(auth));
    }

    private static List<String> valuesOf(Auth auth) {
        List<String> values = new ArrayList<>();
        AuthHeaders.authorization(auth).ifPresent(header -> values.add(header.substring(header.indexOf(' ') + 1)));
        if (auth instanceof Auth.Basic basic) {
            add(values, basic.password());
        } else if (auth instanceof Auth.ApiKey key) {
            add(values, key.key());
        } else if (auth instanceof Auth.Bearer bearer) {
            add(values, bearer.token());
        } else if (auth instanceof Auth.AwsSigV4 aws) {
            add(values, aws.secretAccessKey());
            add(values, aws.sessionToken());
        }
        return values;
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    private static void add(List<String> values, SecretText secret) {
        if (secret != null && !secret.isEmpty()) {
            values.add(secret.reveal());
        }
    }
}
