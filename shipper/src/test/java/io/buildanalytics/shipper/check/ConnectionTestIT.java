package io.buildanalytics.shipper.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.TestShippers;
import io.buildanalytics.shipper.backend.Backends;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.EngineProduct;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verdicts a person gets from "Test connection", against real engines. */
class ConnectionTestIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aHealthyEngineIsNamedWithItsVersionAndTemplateState(EngineKind kind, LocalEngine engine) {
        IndexNaming naming = IndexNaming.withPrefix("it-verdict-" + kind.id());
        engine.http().delete("/_index_template/" + naming.templateName());

        ConnectionVerdict verdict = ConnectionTest.run(EngineConnection.to(TestShippers.productOf(kind), engine.baseUri()), naming,
                Backends::open);

        assertThat(verdict.level()).as(verdict.describe()).isEqualTo(ConnectionVerdict.Level.OK);
        assertThat(verdict.engine().version()).isEqualTo(engine.version());
        assertThat(verdict.headline()).contains(TestShippers.productOf(kind).displayName() + " " + engine.version());
        assertThat(verdict.template().state()).isEqualTo(TemplateStatus.State.MISSING);
        assertThat(verdict.details()).anyMatch(line -> line.contains("security is off"));
    }

    @Test
    void nothingListeningIsUnreachableWithWhatToCheck() throws Exception {
        URI nowhere = TestShippers.unusedLocalUrl();

        ConnectionVerdict verdict = ConnectionTest.run(EngineConnection.to(EngineProduct.ELASTICSEARCH, nowhere)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), IndexNaming.defaults(), Backends::open);

        assertThat(verdict.level()).isEqualTo(ConnectionVerdict.Level.FAILED);
        assertThat(verdict.headline()).contains(nowhere.getHost() + ":" + nowhere.getPort());
        assertThat(verdict.details()).anyMatch(line -> line.contains("firewall"));
    }

    @Test
    void theWrongProductSaysWhichOneToChoose() {
        LocalEngine openSearch = ENGINES.get(EngineKind.OPENSEARCH);

        ConnectionVerdict verdict = ConnectionTest.run(
                EngineConnection.to(EngineProduct.ELASTICSEARCH, openSearch.baseUri()), IndexNaming.defaults(),
                Backends::open);

        assertThat(verdict.level()).isEqualTo(ConnectionVerdict.Level.FAILED);
        assertThat(verdict.describe()).contains("OpenSearch");
    }

}
