package io.buildanalytics.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.cli.CommandRun;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.localengine.EngineKind;
import io.buildanalytics.localengine.LocalEngine;
import io.buildanalytics.localengine.LocalEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code build-analytics setup} against a real engine. Kibana cannot run here: the import itself is covered by the
 * installer's tests against a stand-in server; these check what the command adds (flags, messages, exit codes).
 */
class SetupCommandIT {

    @RegisterExtension
    static final LocalEngineExtension ENGINES = new LocalEngineExtension();

    @Test
    void installsTheTemplateOnlyAndSaysSo() {
        LocalEngine engine = ENGINES.get(EngineKind.OPENSEARCH);
        engine.http().delete("/_index_template/setup-it");

        CommandRun run = CommandRun.of("setup", "--es", engine.baseUri().toString(), "--product", "opensearch",
                "--index-prefix", "setup-it", "--template-only");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Setting up").contains("setup-it");
        assertThat(engine.http().get("/_index_template/setup-it").status()).isEqualTo(200);
    }

    @Test
    void theEnginesOwnUrlGivenAsKibanaIsRefusedAsTheWrongProduct() {
        LocalEngine engine = ENGINES.get(EngineKind.ELASTICSEARCH);

        CommandRun run = CommandRun.of("setup", "--kibana", engine.baseUri().toString(), "--dashboards-only");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPATIBLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("build-analytics: ");
    }

    @Test
    void anUnreachableKibanaIsExitCodeThree() {
        CommandRun run = CommandRun.of("setup", "--kibana", "http://127.0.0.1:1", "--dashboards-only");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("build-analytics: ");
    }

    @Test
    void missingOrContradictoryTargetsAreUsageErrors() {
        String help = "Try 'build-analytics setup --help'.";
        assertThat(CommandRun.of("setup", "--es", "http://localhost:9200").errLines()).containsExactly(
                "build-analytics: No Kibana given: add --kibana URL for the dashboards, or --template-only", help);
        assertThat(CommandRun.of("setup", "--kibana", "http://localhost:5601").errLines()).containsExactly(
                "build-analytics: No engine given: add --es URL for the index template, or --dashboards-only", help);
        CommandRun both = CommandRun.of("setup", "--template-only", "--dashboards-only");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.errLines()).containsExactly(
                "build-analytics: Give at most one of --template-only and --dashboards-only", help);
        assertThat(CommandRun.of("setup", "--kibana", "kibana:5601", "--dashboards-only").errLines())
                .first().asString().contains("--kibana must start with http:// or https://");
    }
}
