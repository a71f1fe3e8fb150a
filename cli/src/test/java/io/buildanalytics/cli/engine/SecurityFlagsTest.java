package io.buildanalytics.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.shipper.backend.TestCertificates;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityFlagsTest {

    private static final SecurityFlags ENGINE = SecurityFlags.ENGINE;

    @TempDir
    Path directory;

    @Test
    void aPasswordComesFromItsFileBeforeTheEnvironment() throws Exception {
        Path file = Files.writeString(directory.resolve("pw"), "from-file\n");

        Auth fromFile = ENGINE.auth("ci", file, null, Map.of("BUILD_ANALYTICS_PASSWORD", "from-env"));
        Auth fromEnvironment = ENGINE.auth("ci", null, null, Map.of("BUILD_ANALYTICS_PASSWORD", " from-env "));

        assertThat(fromFile).isInstanceOfSatisfying(Auth.Basic.class,
                basic -> assertThat(basic.password().reveal()).isEqualTo("from-file"));
        assertThat(fromEnvironment).isInstanceOfSatisfying(Auth.Basic.class,
                basic -> assertThat(basic.password().reveal()).isEqualTo("from-env"));
    }

    @Test
    void anApiKeyFromTheEnvironmentWinsOverNothingAndClashesWithAUser() {
        Map<String, String> environment = Map.of("BUILD_ANALYTICS_API_KEY", "id:key");

        assertThat(ENGINE.auth(null, null, null, environment)).isInstanceOfSatisfying(Auth.ApiKey.class,
                key -> assertThat(key.id()).isEqualTo("id"));
        assertUsage(() -> ENGINE.auth("ci", null, null, environment),
                "Give either --user or an API key (--api-key-file or $BUILD_ANALYTICS_API_KEY), not both");
        assertThat(ENGINE.auth(null, null, null, Map.of())).isEqualTo(Auth.none());
    }

    @Test
    void missingEmptyOrOrphanSecretsAreUsageErrorsNamingTheServersFlags() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty"), "  \n");

        assertUsage(() -> SecurityFlags.KIBANA.auth("admin", null, null, Map.of("BUILD_ANALYTICS_PASSWORD", "x")),
                "--kibana-user admin needs a password: put it in a file and pass --kibana-password-file FILE, "
                        + "or set $BUILD_ANALYTICS_KIBANA_PASSWORD");
        assertUsage(() -> ENGINE.auth("ci", empty, null, Map.of()), "--password-file: " + empty + " is empty");
        assertUsage(() -> ENGINE.auth(null, empty, null, Map.of()), "--password-file needs --user");
        assertUsage(() -> ENGINE.auth("ci", directory.resolve("missing"), null, Map.of()),
                "--password-file: cannot read " + directory.resolve("missing"));
    }

    @Test
    void verificationStaysOnUnlessTurnedOffAndACertificateIsRead() throws Exception {
        Path ca = Files.writeString(directory.resolve("ca.pem"), TestCertificates.localhost().pem());
        Path notPem = Files.writeString(directory.resolve("not.pem"), "hello");

        assertThat(ENGINE.tls(false, null)).isEqualTo(TlsSettings.systemTrust());
        assertThat(ENGINE.tls(true, null).verify()).isFalse();
        assertThat(ENGINE.tls(false, ca).caPem()).contains("BEGIN CERTIFICATE");
        assertUsage(() -> ENGINE.tls(true, ca), "Give either --ca-cert or --insecure, not both");
        assertUsage(() -> SecurityFlags.KIBANA.tls(false, notPem), "--kibana-ca-cert: ");
    }

    private static void assertUsage(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CliFailure.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(failure.getMessage()).startsWith(message);
        });
    }
}
