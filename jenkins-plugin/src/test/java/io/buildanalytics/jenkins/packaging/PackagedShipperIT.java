package io.buildanalytics.jenkins.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.EventIdentity;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.FactsJson;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relocated libraries work at run time: the shipper, loaded only from the inner jar of the .hpi (the test class
 * path's unshaded copies cannot leak in, see {@link IsolatedPlugin}), delivers a build to a real Elasticsearch and a
 * real OpenSearch, and signs requests with the relocated AWS SDK. Each runs with the plugin's loader as the thread's
 * context class loader (as in Jenkins code that sets it) and with one that sees none of the plugin (what a Jenkins
 * thread may have), since service lookups (jakarta.json's provider) go through the context class loader first.
 */
class PackagedShipperIT {

    private static final String SHIPPER = "io.buildanalytics.shipper.";
    private static final String SHADED = "io.buildanalytics.jenkins.shaded.";

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @TempDir
    static Path exploded;

    static IsolatedPlugin plugin;

    @BeforeAll
    static void loadTheInnerJarAlone() throws Exception {
        plugin = new IsolatedPlugin(PackagedPlugin.extractInnerJar(exploded));
    }

    @AfterAll
    static void close() throws Exception {
        if (plugin != null) {
            plugin.close();
        }
    }

    /** Context class loaders: the plugin's own, and one that sees none of the plugin (only the JDK). */
    enum ContextLoader {
        PLUGIN, FOREIGN;

        ClassLoader of(IsolatedPlugin plugin) {
            return this == PLUGIN ? plugin.loader : IsolatedPlugin.JDK_ONLY;
        }
    }

    static Stream<Arguments> enginesAndContextLoaders() {
        return Stream.of(EngineKind.values()).flatMap(kind -> Stream.of(ContextLoader.values())
                .map(context -> Arguments.of(kind, context)));
    }

    @Test
    void onlyRelocatedLibrariesAreVisibleAndServiceLookupsFindTheRelocatedProviders() throws Exception {
        Class<?> shipper = plugin.type(SHIPPER + "Shipper");
        assertThat(shipper.getClassLoader()).isSameAs(plugin.loader);
        assertThat(Path.of(shipper.getProtectionDomain().getCodeSource().getLocation().toURI())).isEqualTo(plugin.jar);
        for (String unrelocated : List.of("com.fasterxml.jackson.databind.ObjectMapper", "jakarta.json.spi.JsonProvider",
                "org.eclipse.parsson.JsonProviderImpl", "co.elastic.clients.elasticsearch.ElasticsearchClient",
                "org.apache.hc.client5.http.impl.async.HttpAsyncClients", "org.apache.http.HttpHost",
                "software.amazon.awssdk.regions.Region", "org.h2.mvstore.MVStore", "hudson.Extension")) {
            assertThat(plugin.canLoad(unrelocated)).as(unrelocated).isFalse();
        }
        assertThat(plugin.canLoad("org.slf4j.LoggerFactory")).as("slf4j from 'core'").isTrue();
        assertThat(plugin.canLoad("org.apache.commons.logging.LogFactory")).as("commons-logging from 'core'").isTrue();

        for (ContextLoader context : ContextLoader.values()) {
            Object provider = plugin.withContextLoader(context.of(plugin),
                    () -> plugin.callStatic(SHADED + "jakarta.json.spi.JsonProvider", "provider"));
            assertThat(provider.getClass().getName()).as("jakarta.json provider, context loader " + context)
                    .isEqualTo(SHADED + "org.eclipse.parsson.JsonProviderImpl");
            assertThat(provider.getClass().getClassLoader()).isSameAs(plugin.loader);
        }
        // The AWS SDK finds its HTTP client through ServiceLoader when none is given (we always give one).
        Class<?> httpService = plugin.type(SHADED + "software.amazon.awssdk.http.SdkHttpService");
        List<String> services = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(httpService, plugin.loader).forEach(s -> services.add(s.getClass().getName()));
        assertThat(services).containsExactly(SHADED + "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
    }

    @ParameterizedTest(name = "{0}, context class loader {1}")
    @MethodSource("enginesAndContextLoaders")
    void theShipperFromTheInnerJarDeliversABuildToARealEngine(EngineKind kind, ContextLoader context,
                                                               @TempDir Path dataDirectory) throws Exception {
        LocalEngine engine = ENGINES.get(kind);
        String prefix = "it-packaged-" + kind.id() + "-" + context.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Instant finished = Fixtures.T0.plus(Duration.ofMinutes(42));
        BuildFacts facts = Fixtures.jenkins("packaged/deploy-prod", 42, "SUCCESS", finished).build();
        // The facts cross into the isolated loader as JSON and are read there by the shipper's own FactsJson.
        byte[] json = FactsJson.write(facts);

        Object status = plugin.withContextLoader(context.of(plugin), () -> {
            Object isolatedFacts = plugin.callStatic(SHIPPER + "FactsJson", "read", (Object) json);
            Object product = plugin.enumConstant(SHIPPER + "connection.EngineProduct",
                    kind == EngineKind.ELASTICSEARCH ? "ELASTICSEARCH" : "OPENSEARCH");
            Object connection = IsolatedPlugin.call(
                    plugin.callStatic(SHIPPER + "connection.EngineConnection", "to", product, engine.baseUri()),
                    "withTimeouts", Duration.ofSeconds(5), Duration.ofSeconds(20));
            Object settings = plugin.callStatic(SHIPPER + "ShipperSettings", "defaults", connection,
                    plugin.newInstance("io.buildanalytics.model.event.Sender", "jenkins-plugin", "packaged-test"),
                    dataDirectory);
            settings = IsolatedPlugin.call(settings, "withNaming",
                    plugin.callStatic("io.buildanalytics.model.schema.IndexNaming", "withPrefix", prefix));
            settings = IsolatedPlugin.call(settings, "withBackoff", Duration.ofMillis(200), Duration.ofSeconds(2));
            Object history = plugin.callStatic(SHIPPER + "HistoryLookup", "none");

            Object shipper = plugin.callStatic(SHIPPER + "Shipper", "start", settings, history);
            try {
                assertThat(IsolatedPlugin.call(shipper, "accept", isolatedFacts)).isEqualTo(true);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                Object current = IsolatedPlugin.call(shipper, "status");
                while ((Long) IsolatedPlugin.call(current, "sent") < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    current = IsolatedPlugin.call(shipper, "status");
                }
                return current;
            } finally {
                IsolatedPlugin.call(shipper, "close");
            }
        });

        String summary = String.valueOf(IsolatedPlugin.call(status, "summary"));
        assertThat(IsolatedPlugin.call(status, "sent")).as(summary).isEqualTo(1L);
        assertThat(IsolatedPlugin.call(status, "deadLettered")).as(summary).isEqualTo(0L);
        assertThat(IsolatedPlugin.call(status, "rejected")).as(summary).isEqualTo(0L);
        Object engineInfo = IsolatedPlugin.call(status, "engine");
        assertThat(String.valueOf(IsolatedPlugin.call(engineInfo, "version"))).isEqualTo(engine.version());
        assertThat(String.valueOf(IsolatedPlugin.call(IsolatedPlugin.call(status, "template"), "state")))
                .isEqualTo("CURRENT");

        IndexNaming naming = IndexNaming.withPrefix(prefix);
        String index = naming.indexFor(finished);
        try {
            JsonNode document = engine.http().get("/" + index + "/_doc/" + EventIdentity.pipelineRunId(facts))
                    .requireSuccess().json().path("_source");
            assertThat(document.path("cicd").path("pipeline").path("run").path("id").asText())
                    .isEqualTo(facts.run().id());
            assertThat(document.path("agent").path("type").asText()).isEqualTo("jenkins-plugin");
            assertThat(document.path("agent").path("version").asText()).isEqualTo("packaged-test");
            assertThat(document.path("@timestamp").asText()).startsWith("2026-03-02T09:42");
        } finally {
            engine.http().delete("/" + index);
            engine.http().delete("/_index_template/" + naming.templateName());
        }
    }

    @ParameterizedTest(name = "context class loader {0}")
    @org.junit.jupiter.params.provider.EnumSource(ContextLoader.class)
    void theRelocatedAwsSdkSignsRequestsForAmazonOpenSearch(ContextLoader context, @TempDir Path directory)
            throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        String pem = selfSignedCertificate(directory);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls(directory)));
        server.createContext("/", exchange -> {
            received.add(Map.of("request", exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "date", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Date"))));
            byte[] body = exchange.getRequestURI().getPath().equals("/")
                    ? ("{\"name\":\"fake\",\"cluster_name\":\"fake\",\"version\":{\"distribution\":\"opensearch\","
                       + "\"number\":\"2.19.4\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}")
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"not here\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            String verdict = plugin.withContextLoader(context.of(plugin), () -> {
                Object auth = plugin.newInstance(SHIPPER + "connection.Auth$AwsSigV4", "eu-west-1", "es",
                        "AKIDEXAMPLE12345", plugin.callStatic(SHIPPER + "connection.SecretText", "of",
                                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), null);
                Object connection = plugin.callStatic(SHIPPER + "connection.EngineConnection", "to",
                        plugin.enumConstant(SHIPPER + "connection.EngineProduct", "OPENSEARCH"), url);
                connection = IsolatedPlugin.call(connection, "withAuth", auth);
                connection = IsolatedPlugin.call(connection, "withTls",
                        plugin.callStatic(SHIPPER + "connection.TlsSettings", "trusting", pem));
                connection = IsolatedPlugin.call(connection, "withTimeouts", Duration.ofSeconds(5),
                        Duration.ofSeconds(10));
                Object settings = plugin.callStatic(SHIPPER + "ShipperSettings", "defaults", connection,
                        plugin.newInstance("io.buildanalytics.model.event.Sender", "jenkins-plugin", "packaged-test"),
                        directory.resolve("data"));
                Object shipper = plugin.callStatic(SHIPPER + "Shipper", "start", settings,
                        plugin.callStatic(SHIPPER + "HistoryLookup", "none"));
                try {
                    return String.valueOf(IsolatedPlugin.call(IsolatedPlugin.call(shipper, "testConnection"),
                            "describe"));
                } finally {
                    IsolatedPlugin.call(shipper, "close");
                }
            });

            assertThat(verdict).doesNotContainIgnoringCase("NoClassDefFound").doesNotContainIgnoringCase("ClassNotFound")
                    .doesNotContainIgnoringCase("ServiceConfigurationError").doesNotContainIgnoringCase("LinkageError");
            assertThat(received).as(verdict).isNotEmpty();
            assertThat(received).allSatisfy(request -> {
                assertThat(request.get("authorization")).as(request.get("request"))
                        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE12345/")
                        .contains("/eu-west-1/es/aws4_request", "SignedHeaders=", "Signature=");
                assertThat(request.get("date")).matches("\\d{8}T\\d{6}Z");
            });
        } finally {
            server.stop(0);
        }
    }

    // ---- a TLS server certificate for 127.0.0.1, made with the JDK's keytool ------------------------------------

    private static final char[] STORE_PASSWORD = "packaged-test".toCharArray();

    private static String selfSignedCertificate(Path directory) throws Exception {
        Path store = directory.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD));
        Path pem = directory.resolve("server.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-file", pem.toString());
        return Files.readString(pem);
    }

    private static SSLContext serverTls(Path directory) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("server.p12"))) {
            store.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
