package io.buildanalytics.cli.engine;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.connection.HttpUrls;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How every command reaches the engine. Secrets are read from a file or an environment variable, never from a
 * flag, so they do not end up in shell history or in {@code ps} output.
 */
public final class EngineOptions {

    public static final String PASSWORD_VARIABLE = SecurityFlags.PASSWORD_VARIABLE;
    public static final String API_KEY_VARIABLE = SecurityFlags.API_KEY_VARIABLE;

    @Option(names = "--es", paramLabel = "URL",
            description = "Elasticsearch or OpenSearch URL, e.g. https://es.example.com:9200")
    String url;

    @Option(names = "--product", paramLabel = "PRODUCT", defaultValue = "elasticsearch",
            description = "elasticsearch or opensearch (default: ${DEFAULT-VALUE})")
    EngineProduct product;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User for basic auth; the password comes from --password-file or $" + PASSWORD_VARIABLE)
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the user's password")
    Path passwordFile;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "File holding an Elasticsearch API key (id:key or encoded); or set $" + API_KEY_VARIABLE)
    Path apiKeyFile;

    @Option(names = "--ca-cert", paramLabel = "PEM",
            description = "CA certificate(s) to trust for the engine, PEM file (default: the JVM's trust store)")
    Path caCertificate;

    @Option(names = "--insecure", description = "Do not verify the engine's TLS certificate (never in production)")
    boolean insecure;

    @Option(names = "--index-prefix", paramLabel = "PREFIX", defaultValue = IndexNaming.DEFAULT_PREFIX,
            description = "Index name prefix (default: ${DEFAULT-VALUE})")
    String indexPrefix;

    private Map<String, String> environment = System.getenv();

    /** For tests: the environment the secrets are read from. */
    public EngineOptions withEnvironment(Map<String, String> variables) {
        this.environment = variables;
        return this;
    }

    /** The same flags aimed at another engine: the demo's embedded one. */
    public EngineOptions pointedAt(URI engine) {
        EngineOptions copy = new EngineOptions();
        copy.url = engine.toString();
        copy.product = product;
        copy.user = user;
        copy.passwordFile = passwordFile;
        copy.apiKeyFile = apiKeyFile;
        copy.caCertificate = caCertificate;
        copy.insecure = insecure;
        copy.indexPrefix = indexPrefix;
        copy.environment = environment;
        return copy;
    }

    public boolean urlGiven() {
        return url != null;
    }

    public URI url() {
        if (url == null) {
            throw new CliFailure(ExitCode.USAGE,
                    "No engine given: add --es URL (for example --es http://localhost:9200)");
        }
        return checkedUrl(url, "--es");
    }

    public EngineProduct product() {
        return product;
    }

    public IndexNaming naming() {
        try {
            return IndexNaming.withPrefix(indexPrefix);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "--index-prefix: " + e.getMessage(), e);
        }
    }

    public EngineConnection connection() {
        return connection(url());
    }

    /** The connection to a given engine (the demo's own) with the credentials and TLS flags of this command. */
    public EngineConnection connection(URI engine) {
        try {
            return EngineConnection.to(product, engine).withAuth(auth()).withTls(tls());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    public Auth auth() {
        return SecurityFlags.ENGINE.auth(user, passwordFile, apiKeyFile, environment);
    }

    public TlsSettings tls() {
        return SecurityFlags.ENGINE.tls(insecure, caCertificate);
    }

    /** A URL flag's value, or a usage failure naming the flag. */
    public static URI checkedUrl(String text, String flag) {
        try {
            URI uri = new URI(text.trim());
            HttpUrls.check(uri, flag);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, flag + ": " + (e instanceof URISyntaxException
                    ? "'" + text + "' is not a URL (" + e.getMessage() + ")" : e.getMessage()), e);
        }
    }
}
