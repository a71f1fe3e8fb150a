package io.buildanalytics.cli.engine;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Credentials and TLS trust from flags, the same rules for every server a command talks to (the engine, Kibana):
 * a password or key only from a file or an environment variable, one kind of credential at a time, and
 * verification on unless turned off by name. Messages name the flags of the server they are about.
 *
 * @param user           the user flag, e.g. {@code --user}
 * @param passwordFile   the password file flag
 * @param passwordVariable the environment variable that may hold the password
 * @param apiKeyFile     the API key file flag
 * @param apiKeyVariable the environment variable that may hold the API key
 * @param caCertificate  the CA certificate flag
 * @param insecure       the flag that turns verification off
 */
public record SecurityFlags(String user, String passwordFile, String passwordVariable, String apiKeyFile,
                            String apiKeyVariable, String caCertificate, String insecure) {

    // Constants, so that the flags' help texts (annotation values) can name them.
    public static final String PASSWORD_VARIABLE = "BUILD_ANALYTICS_PASSWORD";
    public static final String API_KEY_VARIABLE = "BUILD_ANALYTICS_API_KEY";
    public static final String KIBANA_PASSWORD_VARIABLE = "BUILD_ANALYTICS_KIBANA_PASSWORD";
    public static final String KIBANA_API_KEY_VARIABLE = "BUILD_ANALYTICS_KIBANA_API_KEY";

    public static final SecurityFlags ENGINE = new SecurityFlags("--user", "--password-file", PASSWORD_VARIABLE,
            "--api-key-file", API_KEY_VARIABLE, "--ca-cert", "--insecure");
    public static final SecurityFlags KIBANA = new SecurityFlags("--kibana-user", "--kibana-password-file",
            KIBANA_PASSWORD_VARIABLE, "--kibana-api-key-file", KIBANA_API_KEY_VARIABLE, "--kibana-ca-cert",
            "--kibana-insecure");

    /** Whether any credential for this server was given, by flag or environment. */
    public boolean given(String userName, Path passwordFileValue, Path apiKeyFileValue,
                         Map<String, String> environment) {
        return userName != null || passwordFileValue != null || apiKeyFileValue != null
                || present(environment.get(apiKeyVariable));
    }

    public Auth auth(String userName, Path passwordFileValue, Path apiKeyFileValue, Map<String, String> environment) {
        String apiKey = secret(apiKeyFileValue, apiKeyVariable, apiKeyFile, environment);
        if (userName != null && apiKey != null) {
            throw new CliFailure(ExitCode.USAGE, "Give either " + user + " or an API key (" + apiKeyFile + " or $"
                    + apiKeyVariable + "), not both");
        }
        if (apiKey != null) {
            return new Auth.ApiKey(SecretText.of(apiKey));
        }
        if (userName != null) {
            String password = secret(passwordFileValue, passwordVariable, passwordFile, environment);
            if (password == null) {
                throw new CliFailure(ExitCode.USAGE, user + " " + userName + " needs a password: put it in a file "
                        + "and pass " + passwordFile + " FILE, or set $" + passwordVariable);
            }
            return new Auth.Basic(userName, SecretText.of(password));
        }
        if (passwordFileValue != null) {
            throw new CliFailure(ExitCode.USAGE, passwordFile + " needs " + user);
        }
        return Auth.none();
    }

    public TlsSettings tls(boolean insecureValue, Path caCertificateValue) {
        if (insecureValue && caCertificateValue != null) {
            throw new CliFailure(ExitCode.USAGE, "Give either " + caCertificate + " or " + insecure + ", not both");
        }
        if (insecureValue) {
            return TlsSettings.insecureNoVerification();
        }
        if (caCertificateValue != null) {
            try {
                return TlsSettings.trusting(read(caCertificateValue, caCertificate));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.USAGE, caCertificate + ": " + e.getMessage(), e);
            }
        }
        return TlsSettings.systemTrust();
    }

    private static String secret(Path file, String variable, String flag, Map<String, String> environment) {
        if (file != null) {
            String value = read(file, flag).trim();
            if (value.isEmpty()) {
                throw new CliFailure(ExitCode.USAGE, flag + ": " + file + " is empty");
            }
            return value;
        }
        String value = environment.get(variable);
        return present(value) ? value.trim() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String read(Path file, String flag) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, flag + ": cannot read " + file + " (" + e + ")", e);
        }
    }
}
