package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against the real Maven Central, with a small artifact instead of a 100 MB engine. */
class ArtifactDownloadIT {

    @TempDir
    Path localRepository;

    @Test
    void downloadsFromMavenCentralAndVerifiesThePublishedChecksum() throws Exception {
        MavenArtifact pom = new MavenArtifact("org.opensearch", "opensearch-core", "2.19.4", "pom");
        URI central = URI.create(RunnerConfiguration.DEFAULT_REPOSITORY + "/");

        Path downloaded = new ArtifactDownloader(central).download(pom, localRepository);

        assertThat(downloaded).isEqualTo(localRepository.resolve("org/opensearch/opensearch-core/2.19.4/opensearch-core-2.19.4.pom"));
        assertThat(Files.readString(downloaded)).contains("<artifactId>opensearch-core</artifactId>");
        assertThat(downloaded.resolveSibling("opensearch-core-2.19.4.pom.sha1")).hasContent(Sha1.of(downloaded));
    }
}
