package io.buildanalytics.shipper.connection;

/**
 * How https connections are verified. Verification is on unless {@link #insecureNoVerification()} is chosen on
 * purpose; {@code caPem} adds trust in a private certificate authority (PEM, one or more certificates) in place of
 * the JVM's default trust store.
 *
 * @param caPem  PEM text of the CA certificate(s) to trust, or null for the JVM's default trust
 * @param verify false only when an admin explicitly turned verification off
 */
public record TlsSettings(String caPem, boolean verify) {

    public TlsSettings {
        if (caPem != null && caPem.isBlank()) {
            caPem = null;
        }
        if (caPem != null && !caPem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("The CA certificate must be PEM text starting with "
                    + "-----BEGIN CERTIFICATE-----");
        }
    }

    public static TlsSettings systemTrust() {
        return new TlsSettings(null, true);
    }

    public static TlsSettings trusting(String caPem) {
        return new TlsSettings(caPem, true);
    }

    /** INSECURE: accepts any certificate and any host name. For a lab only; status and logs say so. */
    public static TlsSettings insecureNoVerification() {
        return new TlsSettings(null, false);
    }
}
