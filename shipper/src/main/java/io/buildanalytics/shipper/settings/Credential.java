package io.buildanalytics.shipper.settings;

import io.buildanalytics.shipper.connection.SecretText;

/** A credential chosen on the page, read out of the Credentials plugin into plain values for one connection. */
public sealed interface Credential {

    /** No credential chosen. */
    record None() implements Credential {
    }

    /** A username with password (basic auth), or for the Amazon backends an access key id with its secret. */
    record UsernamePassword(String username, SecretText password) implements Credential {
    }

    /** A secret text: an API key or a bearer token, depending on the token type field. */
    record Token(SecretText token) implements Credential {
    }

    /** The id no longer names a credential this plugin can use (deleted, or of another type). */
    record Missing(String id) implements Credential {
    }
}
