package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class EngineKindTest {

    /** The root pom is the one place versions are written; the filtered resource must carry them unchanged. */
    @Test
    void defaultVersionsAreTheRootPomProperties() throws Exception {
        Path rootPom = Path.of("..", "pom.xml");
        assertThat(rootPom).exists();
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(rootPom.toFile());

        assertThat(EngineKind.ELASTICSEARCH.defaultVersion())
                .isEqualTo(pom.getElementsByTagName("elasticsearch.version").item(0).getTextContent().trim());
        assertThat(EngineKind.OPENSEARCH.defaultVersion())
                .isEqualTo(pom.getElementsByTagName("opensearch.version").item(0).getTextContent().trim());
        assertThat(EngineKind.ELASTICSEARCH.defaultVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void namesItsSystemPropertyAndLauncher() {
        assertThat(EngineKind.ELASTICSEARCH.zipProperty()).isEqualTo("buildanalytics.engine.elasticsearch.zip");
        assertThat(EngineKind.OPENSEARCH.zipProperty()).isEqualTo("buildanalytics.engine.opensearch.zip");
        assertThat(EngineKind.OPENSEARCH.startScript()).isEqualTo("bin/opensearch");
        assertThat(EngineKind.ELASTICSEARCH.id()).isEqualTo("elasticsearch");
    }
}
