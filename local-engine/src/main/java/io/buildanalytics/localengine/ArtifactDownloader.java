package io.buildanalytics.localengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Downloads an artifact from a remote Maven repository into a local repository's layout, checked against
 * the repository's {@code .sha1}. Files appear atomically, so a concurrent reader never sees a partial zip.
 */
final class ArtifactDownloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Generous: the Elasticsearch zip is ~107 MB and CI networks vary. */
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final URI repository;
    private final HttpClient client;

    ArtifactDownloader(URI repository) {
        this.repository = repository;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /** Downloads the artifact to its place under {@code localRepository} and returns that path. */
    Path download(MavenArtifact artifact, Path localRepository) {
        URI artifactUri = repository.resolve(artifact.repositoryPath());
        URI checksumUri = repository.resolve(artifact.repositoryPath() + ".sha1");
        Path target = localRepository.resolve(artifact.repositoryPath());
        try {
            String expected = Sha1.parseChecksumFile(fetchText(checksumUri), checksumUri.toString());
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), artifact.fileName() + ".", ".part");
            try {
                String actual = fetchInto(artifactUri, partial);
                Sha1.verify(actual, expected, artifactUri.toString());
                // Temp files are created owner-only; a repository file should be as readable as Maven's own.
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                writeAtomically(target.resolveSibling(artifact.fileName() + ".sha1"), expected);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new LocalEngineException("Cannot download " + artifact + " from " + artifactUri + " into " + target
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException("Interrupted while downloading " + artifactUri, e);
        }
    }

    private String fetchText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(uri), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireOk(uri, response.statusCode());
        return response.body();
    }

    /** Streams the body into {@code file} and returns its SHA-1, so the zip is read only once. */
    private String fetchInto(URI uri, Path file) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = Sha1.newDigest();
        try (InputStream body = new DigestInputStream(response.body(), digest)) {
            requireOk(uri, response.statusCode());
            try (OutputStream out = Files.newOutputStream(file)) {
                body.transferTo(out);
            }
        }
        return Sha1.hex(digest);
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build();
    }

    private static void requireOk(URI uri, int status) {
        if (status == 404) {
            throw new LocalEngineException("Not found in the Maven repository: " + uri);
        }
        if (status != 200) {
            throw new LocalEngineException("HTTP " + status + " from " + uri);
        }
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString() + ".", ".part");
            try {
                Files.writeString(temporary, content, StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
