package io.buildanalytics.shipper.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the shipper proves who it is. {@link #describe()} names the credential for messages a person reads
 * (which user, which key id), never the secret.
 */
public sealed interface Auth {

    /** A sentence fragment naming the credential, safe to show: "basic auth as user 'ci'". */
    String describe();

    static Auth none() {
        return new None();
    }

    /** No credentials: an engine without security, or one behind a trusted network. */
    record None() implements Auth {
        @Override
        public String describe() {
            return "no credentials";
        }
    }

    /** HTTP basic authentication (Elasticsearch native/file realm users, OpenSearch security plugin users). */
    record Basic(String username, SecretText password) implements Auth {
        public Basic {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("Basic auth needs a user name");
            }
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String describe() {
            return "basic auth as user '" + username + "'";
        }
    }

    /**
     * An Elasticsearch API key, given either as {@code id:api_key} or already Base64-encoded as Kibana and the
     * create-API-key response's {@code encoded} field show it.
     */
    record ApiKey(SecretText key) implements Auth {
        public ApiKey {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("API key is empty");
            }
        }

        /** The value for {@code Authorization: ApiKey <encoded>}. */
        public String encoded() {
            String text = key.reveal().trim();
            if (text.contains(":")) {
                return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            }
            return text;
        }

        /** The key's id (the part before the colon): public, and what an admin looks up in Kibana. */
        public String id() {
            String text = key.reveal().trim();
            if (!text.contains(":")) {
                try {
                    text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    return "(unreadable)";
                }
            }
            int colon = text.indexOf(':');
            return colon < 0 ? "(unreadable)" : text.substring(0, colon);
        }

        @Override
        public String describe() {
            return "API key with id '" + id() + "'";
        }
    }

    /** A bearer token (Elasticsearch service account or OAuth token, or a token-checking proxy in front). */
    record Bearer(SecretText token) implements Auth {
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("Bearer token is empty");
            }
        }

        @Override
        public String describe() {
            return "bearer token";
        }
    }

    /**
     * AWS Signature Version 4 for Amazon OpenSearch Service ({@code service} "es") or Serverless ("aoss").
     * Without an access key id the AWS default credentials chain is used (environment, profile, instance role).
     */
    record AwsSigV4(String region, String service, String accessKeyId, SecretText secretAccessKey,
                    SecretText sessionToken) implements Auth {
        public AwsSigV4 {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("AWS region must look like eu-west-1, not '" + region + "'");
            }
            if (!"es".equals(service) && !"aoss".equals(service)) {
                throw new IllegalArgumentException(
                        "AWS service must be 'es' (OpenSearch Service) or 'aoss' (Serverless), not '" + service + "'");
            }
            if (accessKeyId != null && (accessKeyId.isBlank() || secretAccessKey == null)) {
                throw new IllegalArgumentException("An AWS access key id needs its secret access key");
            }
        }

        public static AwsSigV4 defaultCredentials(String region, String service) {
            return new AwsSigV4(region, service, null, null, null);
        }

        public boolean usesDefaultCredentials() {
            return accessKeyId == null;
        }

        @Override
        public String describe() {
            return "AWS SigV4 (" + service + " in " + region + ", "
                    + (usesDefaultCredentials() ? "default credentials chain" : "access key " + maskedKeyId()) + ")";
        }

        private String maskedKeyId() {
            return accessKeyId.length() <= 8 ? accessKeyId
                    : accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
        }
    }
}
