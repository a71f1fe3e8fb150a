package io.buildanalytics.shipper.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates made with the JDK's keytool, once per test JVM: one valid for localhost,
 * 127.0.0.1 and engine.invalid (the unresolvable name proxy tests use), one valid only for another name.
 */
public final class TestCertificates {

    static final String PASSWORD = "changeit";

    private static TestCertificates localhost;
    private static TestCertificates elsewhere;

    private final Path keyStore;
    private final String pem;

    private TestCertificates(Path keyStore, String pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /** Valid for localhost, 127.0.0.1 and engine.invalid. */
    public static synchronized TestCertificates localhost() {
        if (localhost == null) {
            localhost = generate("localhost", "dns:localhost,ip:127.0.0.1,dns:engine.invalid");
        }
        return localhost;
    }

    /** Valid only for elsewhere.example: a host-name mismatch for every address a test uses. */
    public static synchronized TestCertificates elsewhere() {
        if (elsewhere == null) {
            elsewhere = generate("elsewhere.example", "dns:elsewhere.example");
        }
        return elsewhere;
    }

    /** The certificate as PEM, what an admin pastes as the CA. */
    public String pem() {
        return pem;
    }

    /** A server-side context presenting this certificate. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCertificates generate(String commonName, String subjectAlternativeNames) {
        try {
            Path dir = Files.createTempDirectory("backend-tls-");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("server.p12");
            Path cert = dir.resolve("server.pem");
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + commonName, "-ext", "san=" + subjectAlternativeNames,
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                    "-storepass", PASSWORD, "-file", cert.toString());
            store.toFile().deleteOnExit();
            cert.toFile().deleteOnExit();
            return new TestCertificates(store, Files.readString(cert, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + command + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
