package io.buildanalytics.shipper.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.shipper.backend.BackendException.Problem;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection set up for the other product. */
class WrongProductIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @Test
    void theElasticsearchBackendRefusesOpenSearch() {
        LocalEngine openSearch = ENGINES.get(EngineKind.OPENSEARCH);
        try (Backend backend = Backends.open(EngineConnection.to(EngineProduct.ELASTICSEARCH, openSearch.baseUri()))) {
            assertThatThrownBy(backend::info).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                assertThat(e.getMessage()).contains("is OpenSearch " + EngineKind.OPENSEARCH.defaultVersion())
                        .contains("choose OpenSearch");
            });
            // elasticsearch-java itself refuses the answer (no X-Elastic-Product header).
            assertThatThrownBy(() -> backend.bulk(List.of(new BulkItem("wrong-product-it", "1", "{}"))))
                    .isInstanceOfSatisfying(BackendException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                        assertThat(e.getMessage()).contains("choose OpenSearch");
                    });
        }
    }

    /**
     * The OpenSearch backend sees Elasticsearch's product header and refuses in {@code info()}; its other calls
     * are plain REST that Elasticsearch also serves, so a bulk request simply works. The connection test calls
     * {@code info()} first, which is where a person learns of the mistake.
     */
    @Test
    void theOpenSearchBackendRecognisesElasticsearchInInfo() throws Exception {
        LocalEngine elasticsearch = ENGINES.get(EngineKind.ELASTICSEARCH);
        try (Backend backend = Backends.open(EngineConnection.to(EngineProduct.OPENSEARCH,
                elasticsearch.baseUri()))) {
            assertThatThrownBy(backend::info).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.problem()).isEqualTo(Problem.WRONG_PRODUCT);
                assertThat(e.getMessage())
                        .contains("is Elasticsearch " + EngineKind.ELASTICSEARCH.defaultVersion())
                        .contains("choose Elasticsearch");
            });
            assertThat(backend.bulk(List.of(new BulkItem("wrong-product-it", "1", "{}"))))
                    .extracting(BulkItemResult::succeeded).containsExactly(true);
        }
    }
}
