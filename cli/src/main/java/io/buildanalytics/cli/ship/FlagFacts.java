package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.HostResult;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.ResultMapping;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.facts.Worker;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns the build flags into {@link BuildFacts}. The facts' own constructors do the validating; this class only
 * builds them piece by piece, so that whatever they refuse can be reported under the flag that supplied it.
 *
 * <p>Builds described by flags come from CI systems without a plugin, so they use {@link CiProvider#GENERIC},
 * whose result words are OpenTelemetry's ({@code success}, {@code failure}, ...) and common synonyms.
 */
final class FlagFacts {

    /** {@code dora.deployment.rule} of deployments declared with {@code --deploy-environment}. */
    static final String DEPLOYMENT_RULE = "ship --deploy-environment";

    private FlagFacts() {
    }

    /**
     * @param now what {@code --finished} defaults to
     * @throws CliFailure USAGE for flags that contradict each other or are missing, INVALID_EVENT for values the
     *                    facts refuse
     */
    static BuildFacts from(BuildFlags flags, Instant now) {
        List<String> missing = flags.missingRequired();
        if (!missing.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "Missing or empty: " + String.join(", ", missing)
                    + " (describe the build with these flags, or give it as JSON with --file FILE)");
        }
        BuildFacts base = BuildFacts.builder()
                .server(server(flags))
                .pipeline(new Pipeline(flags.pipeline, flags.pipelineName, flags.project, flags.pipelineUrl))
                .run(new PipelineRun(blank(flags.runId) ? flags.pipeline + "#" + flags.runNumber.trim() : flags.runId,
                        flags.runNumber, flags.runUrl))
                .result(flag("--result", () -> result(flags.result)))
                .statusText(flags.statusText)
                .queuedAt(flags.queued)
                .startedAt(flags.started)
                .finishedAt(flags.finished == null ? now : flags.finished)
                .trigger(new Trigger(flags.trigger == null ? TriggerType.OTHER : flags.trigger, flags.triggeredBy,
                        flags.triggerDescription))
                .worker(blank(flags.worker) ? null : new Worker(flags.worker, null))
                .vcs(vcs(flags))
                .commits(flags.commits)
                .tests(tests(flags))
                .deployment(deployment(flags))
                .build();
        Chronology.check(base, "", "--queued", "--started", "--finished");
        // Labels and parameters go on last, on facts already known to be valid: what fails now is theirs.
        BuildFacts labelled = flag("--label", () -> base.toBuilder().labels(flags.labels).build());
        SecretNames.refuse(flags.parameters.keySet(), "--parameter");
        return flag("--parameter", () -> labelled.toBuilder().parameters(flags.parameters).build());
    }

    private static CiServer server(BuildFlags flags) {
        String id = blank(flags.serverId) ? flags.serverName : flags.serverId;
        return new CiServer(CiProvider.GENERIC, flags.serverProduct, flags.serverVersion, id, flags.serverName,
                flags.serverUrl);
    }

    /** Checked against the same mapping {@link BuildFacts} applies, here so that the message can name the flag. */
    private static HostResult result(String word) {
        HostResult result = HostResult.of(word.trim());
        ResultMapping.map(CiProvider.GENERIC, result);
        return result;
    }

    private static Vcs vcs(BuildFlags flags) {
        if (!blank(flags.branch) && !blank(flags.tag)) {
            throw new CliFailure(ExitCode.USAGE, "Give either --branch or --tag, not both");
        }
        String ref = blank(flags.tag) ? flags.branch : flags.tag;
        RefType refType = blank(flags.tag) ? RefType.BRANCH : RefType.TAG;
        Boolean onDefault = blank(flags.defaultBranch) || blank(flags.branch) ? null
                : flags.branch.trim().equals(flags.defaultBranch.trim());
        Vcs vcs = new Vcs(flags.repository, flags.revision, ref, blank(ref) ? null : refType, onDefault,
                flags.baseBranch, null, flags.pullRequest, flags.pullRequestTitle);
        boolean empty = vcs.repositoryUrl() == null && vcs.revision() == null && vcs.refName() == null
                && vcs.changeId() == null && vcs.baseRefName() == null;
        return empty ? null : vcs;
    }

    private static TestCounts tests(BuildFlags flags) {
        if (flags.testsPassed == null && flags.testsFailed == null && flags.testsSkipped == null) {
            return null;
        }
        return TestCounts.of(count("--tests-passed", flags.testsPassed), count("--tests-failed", flags.testsFailed),
                count("--tests-skipped", flags.testsSkipped));
    }

    /** Checked one by one: {@link TestCounts} would blame the total, which is not a flag. */
    private static long count(String flag, Long value) {
        if (value != null && value < 0) {
            throw new CliFailure(ExitCode.INVALID_EVENT, flag + " must not be negative, was " + value);
        }
        return value == null ? 0 : value;
    }

    /**
     * An empty {@code --deploy-environment} means "not a deployment", so a CI script can always pass
     * {@code --deploy-environment "$DEPLOY_ENV"}; a service without the flag at all is a forgotten environment.
     */
    private static DeploymentDeclaration deployment(BuildFlags flags) {
        if (flags.deployEnvironment == null) {
            if (flags.service != null || flags.serviceVersion != null) {
                throw new CliFailure(ExitCode.USAGE, "--service and --service-version describe a deployment: "
                        + "add --deploy-environment ENV");
            }
            return null;
        }
        if (blank(flags.deployEnvironment)) {
            return null;
        }
        return new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, DEPLOYMENT_RULE,
                flags.deployEnvironment.trim(), flags.service, flags.serviceVersion);
    }

    /** Runs a constructor and reports what it refuses under the flag its value came from. */
    private static <T> T flag(String flag, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_EVENT, flag + ": " + e.getMessage(), e);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
