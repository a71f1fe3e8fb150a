package io.buildanalytics.cli.ship;

import static io.buildanalytics.cli.ship.Ship.buildFlags;
import static io.buildanalytics.cli.ship.Ship.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad flags end with one sentence on stderr naming the flag: exit 2 for flags that are malformed, missing or
 * contradict each other (followed by picocli's pointer to --help, as for every usage error), exit 6 for a build the
 * facts refuse. Nothing is printed on stdout and nothing is spooled.
 */
class ShipFlagErrorsTest {

    private static final String HELP_LINE = "Try 'build-analytics ship --help'.";

    @TempDir
    Path dataDirectory;

    /** Runs a real (not dry) ship towards an engine nobody listens on: a failure must come before the spool. */
    private Ship.Run ship(List<String> flags, String... more) {
        return Ship.run(with(flags, with(List.of(more), "--es", "http://127.0.0.1:1", "--wait", "0",
                "--data-dir", dataDirectory.toString())));
    }

    private void assertUsage(Ship.Run run, String... sentenceParts) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("build-analytics: ").contains(sentenceParts);
        assertThat(run.errLines().get(1)).isEqualTo(HELP_LINE);
        assertNothingSpooled();
    }

    private void assertInvalid(Ship.Run run, String sentence) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_EVENT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("build-analytics: " + sentence);
        assertNothingSpooled();
    }

    private void assertNothingSpooled() {
        assertThat(Files.exists(dataDirectory.resolve("spool"))).isFalse();
    }

    @Test
    void anUnknownResultWordIsRefusedUnderItsFlag() {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("success"), "greenish");
        assertInvalid(ship(flags), "--result: Unknown result 'greenish': use success, failure, error, timeout, "
                + "cancellation or skip");
    }

    @Test
    void aTimeWithoutAZoneIsAUsageError() {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("2026-03-02T09:00:00Z"), "2026-03-02 09:00");
        assertUsage(ship(flags), "--started", "'2026-03-02 09:00' is not an ISO-8601 time with a zone");
    }

    @Test
    void aCommitWithABadTimeIsAUsageError() {
        assertUsage(ship(buildFlags(), "--commit", "9fceb02@yesterday"), "--commit",
                "'yesterday' is not an ISO-8601 time");
    }

    @Test
    void aLabelKeyWithADotIsRefusedUnderItsFlag() {
        assertInvalid(ship(buildFlags(), "--label", "team.name=payments"), "--label: BuildFacts.labels key "
                + "'team.name' is not allowed: use 1 to 64 letters, digits, '_' or '-' (no dots)");
    }

    @Test
    void aLabelWithoutAValueIsAUsageError() {
        assertUsage(ship(buildFlags(), "--label", "team"), "--label", "KEY=VALUE");
    }

    @Test
    void missingAndEmptyRequiredFlagsAreNamedTogether() {
        assertUsage(ship(List.of("--server-name", "", "--pipeline", "shop/build", "--result", "success")),
                "Missing or empty: --server-name, --run-id or --run-number, --started (describe the build with "
                        + "these flags, or give it as JSON with --file FILE)");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        Ship.Run run = ship(buildFlags(), "--colour", "blue");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("build-analytics: Unknown options: '--colour', 'blue'");
        assertThat(run.errLines()).last().isEqualTo(HELP_LINE);
    }

    @Test
    void aFlagGivenTwiceIsAUsageError() {
        assertUsage(ship(buildFlags(), "--result", "failure"), "'--result'", "should be specified only once");
    }

    @Test
    void anUnknownTriggerIsAUsageError() {
        assertUsage(ship(buildFlags(), "--trigger", "push"), "--trigger", "'push'");
    }

    @Test
    void aFinishBeforeTheStartIsRefused() {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("2026-03-02T09:05:00Z"), "2026-03-02T08:00:00Z");
        assertInvalid(ship(flags), "--finished (2026-03-02T08:00:00Z) is before --started (2026-03-02T09:00:00Z)");
    }

    @Test
    void aQueueTimeAfterTheStartIsRefused() {
        List<String> flags = buildFlags();
        flags.set(flags.indexOf("2026-03-02T08:59:00Z"), "2026-03-02T09:01:00Z");
        assertInvalid(ship(flags), "--queued (2026-03-02T09:01:00Z) is after --started (2026-03-02T09:00:00Z)");
    }

    @Test
    void aNegativeTestCountIsRefusedUnderItsFlag() {
        assertInvalid(ship(buildFlags(), "--tests-failed", "-1"), "--tests-failed must not be negative, was -1");
    }

    @Test
    void aParameterNamedLikeASecretIsRefusedWithoutEchoingItsValue() {
        Ship.Run run = ship(buildFlags(), "--parameter", "DEPLOY_TOKEN=glpat-very-secret");
        assertInvalid(run, "--parameter DEPLOY_TOKEN: the name looks like a secret, and parameters are stored in "
                + "the event for everyone who can read the index to see; leave it out");
        assertThat(run.err()).doesNotContain("glpat-very-secret");
    }

    @Test
    void branchAndTagTogetherAreAUsageError() {
        assertUsage(ship(buildFlags(), "--branch", "main", "--tag", "v1"), "Give either --branch or --tag, not both");
    }

    @Test
    void aServiceWithoutAnEnvironmentIsAUsageError() {
        assertUsage(ship(buildFlags(), "--service", "shop"),
                "--service and --service-version describe a deployment: add --deploy-environment ENV");
    }

    @Test
    void flagsAndAFileTogetherAreAUsageError() {
        assertUsage(ship(List.of("--file", "build.json", "--result", "success", "--label", "a=b")),
                "Give the build either by flags or by --file, not both (--result, --label given with --file)");
    }

    @Test
    void noEngineIsAUsageErrorUnlessDryRun() {
        Ship.Run run = Ship.run(with(buildFlags(), "--data-dir", dataDirectory.toString()));
        assertUsage(run, "No engine given: add --es URL");
    }

    @Test
    void aBadWaitIsAUsageError() {
        assertUsage(ship(buildFlags(), "--wait", "soon"), "--wait", "'soon' is not a wait time");
    }
}
