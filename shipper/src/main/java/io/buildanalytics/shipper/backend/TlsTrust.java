package io.buildanalytics.shipper.backend;

import io.buildanalytics.shipper.connection.TlsSettings;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Turns {@link TlsSettings} into what the HTTP clients take: an {@link SSLContext} (and its trust managers) that
 * trusts the JVM's store, exactly the given CA certificates, or, when verification is off, anything. Host-name
 * checking is the clients' business; {@link #checksHostNames} tells them whether to do it.
 */
final class TlsTrust {

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private final TlsSettings settings;
    private final TrustManager[] trustManagers;
    private final SSLContext context;

    private TlsTrust(TlsSettings settings, TrustManager[] trustManagers, SSLContext context) {
        this.settings = settings;
        this.trustManagers = trustManagers;
        this.context = context;
    }

    /**
     * @throws IllegalArgumentException when the CA text holds no readable certificate
     */
    static TlsTrust of(TlsSettings settings) {
        try {
            if (!settings.verify()) {
                return withManagers(settings, new TrustManager[] {new TrustEverything()});
            }
            if (settings.caPem() != null) {
                return withManagers(settings, trustManagersFor(parseCertificates(settings.caPem())));
            }
            return new TlsTrust(settings, null, SSLContext.getDefault());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot set up TLS: " + e.getMessage(), e);
        }
    }

    SSLContext sslContext() {
        return context;
    }

    /** The trust managers of {@link #sslContext()}, or null when it is the JVM's default. */
    TrustManager[] trustManagers() {
        return trustManagers == null ? null : trustManagers.clone();
    }

    boolean checksHostNames() {
        return settings.verify();
    }

    /** Every certificate in the PEM text; text around the blocks (openssl's "subject=" lines) is ignored. */
    static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_CERTIFICATE.matcher(pem);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1).getBytes(StandardCharsets.US_ASCII));
                Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
                certificates.add((X509Certificate) certificate);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The CA certificate text is not a valid PEM certificate: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("The CA certificate text holds no complete PEM certificate");
        }
        return certificates;
    }

    private static TrustManager[] trustManagersFor(List<X509Certificate> certificates)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static TlsTrust withManagers(TlsSettings settings, TrustManager[] managers)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, new SecureRandom());
        return new TlsTrust(settings, managers, context);
    }

    /**
     * Accepts every chain. Extended, so JSSE does not wrap it with its own host-name check: "verification off"
     * has to mean both the certificate and the name.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
