package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenArtifactTest {

    @Test
    void elasticsearchDistributionLivesWhereMavenPutsIt() {
        MavenArtifact artifact = MavenArtifact.distribution(EngineKind.ELASTICSEARCH, "8.19.21");

        assertThat(artifact.repositoryPath()).isEqualTo(
                "org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.21/elasticsearch-8.19.21.zip");
        assertThat(artifact).hasToString("org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.21:zip");
    }

    @Test
    void opensearchDistributionLivesWhereMavenPutsIt() {
        MavenArtifact artifact = MavenArtifact.distribution(EngineKind.OPENSEARCH, "2.19.4");

        assertThat(artifact.repositoryPath())
                .isEqualTo("org/opensearch/distribution/integ-test-zip/opensearch/2.19.4/opensearch-2.19.4.zip");
        assertThat(artifact.fileName()).isEqualTo("opensearch-2.19.4.zip");
    }
}
