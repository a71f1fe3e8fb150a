package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on loopback that serves a Maven repository layout from memory. */
class ArtifactDownloaderTest {

    private static final MavenArtifact ARTIFACT = new MavenArtifact("org.example.dist", "engine", "1.2.3", "zip");
    private static final String CONTENT = "pretend this is a distribution";

    @TempDir
    Path directory;

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI repository;

    @BeforeEach
    void startRepository() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath().substring("/maven2/".length()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        repository = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
    }

    @AfterEach
    void stopRepository() {
        server.stop(0);
    }

    @Test
    void downloadsIntoTheLocalRepositoryLayoutWithItsChecksum() throws Exception {
        String sha1 = Sha1.of(Files.writeString(directory.resolve("expected"), CONTENT));
        serve(ARTIFACT.repositoryPath(), CONTENT);
        serve(ARTIFACT.repositoryPath() + ".sha1", sha1 + "  engine-1.2.3.zip\n");
        Path localRepository = directory.resolve("m2");

        Path downloaded = new ArtifactDownloader(repository).download(ARTIFACT, localRepository);

        assertThat(downloaded).isEqualTo(localRepository.resolve("org/example/dist/engine/1.2.3/engine-1.2.3.zip"));
        assertThat(downloaded).hasContent(CONTENT);
        assertThat(downloaded.resolveSibling("engine-1.2.3.zip.sha1")).hasContent(sha1);
        assertThat(siblingsOf(downloaded)).containsExactlyInAnyOrder("engine-1.2.3.zip", "engine-1.2.3.zip.sha1");
    }

    @Test
    void aWrongChecksumLeavesNothingBehind() throws Exception {
        serve(ARTIFACT.repositoryPath(), CONTENT);
        serve(ARTIFACT.repositoryPath() + ".sha1", "0".repeat(40));
        Path localRepository = directory.resolve("m2");

        assertThatThrownBy(() -> new ArtifactDownloader(repository).download(ARTIFACT, localRepository))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("SHA-1 mismatch");
        assertThat(siblingsOf(localRepository.resolve(ARTIFACT.repositoryPath()))).isEmpty();
    }

    @Test
    void aMissingArtifactSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> new ArtifactDownloader(repository).download(ARTIFACT, directory.resolve("m2")))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("Not found in the Maven repository: " + repository + ARTIFACT.repositoryPath() + ".sha1");
    }

    private void serve(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Stream<String> siblingsOf(Path file) throws Exception {
        if (!Files.isDirectory(file.getParent())) {
            return Stream.empty();
        }
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.map(path -> path.getFileName().toString()).toList().stream();
        }
    }
}
