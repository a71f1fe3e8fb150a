package io.buildanalytics.cli.ship;

import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.TriggerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags that describe the build, one per fact. Nothing here has a picocli default value: a null means "not
 * given", which is how {@link FlagFacts} applies the documented defaults and how {@code ship} tells these flags
 * apart from {@code --file}.
 */
public final class BuildFlags {

    @Option(names = "--server-name", paramLabel = "NAME", order = 10,
            description = "Required. The CI server's name on the dashboards (observer.name), e.g. gitlab-main")
    String serverName;

    @Option(names = "--server-id", paramLabel = "ID", order = 11,
            description = "Stable id of the CI server, part of every event id (default: --server-name). Set it "
                    + "if the name may change later")
    String serverId;

    @Option(names = "--server-product", paramLabel = "PRODUCT", order = 12,
            description = "The CI product, e.g. 'GitLab CI', 'GitHub Actions' (default: CI); event.provider is "
                    + "its lower-case form, e.g. gitlab-ci")
    String serverProduct;

    @Option(names = "--server-version", paramLabel = "VERSION", order = 13, description = "The CI product's version")
    String serverVersion;

    @Option(names = "--server-url", paramLabel = "URL", order = 14, description = "The CI server's root URL")
    String serverUrl;

    @Option(names = "--pipeline", paramLabel = "ID", order = 20,
            description = "Required. Stable pipeline id, e.g. the project path and job: shop/build")
    String pipeline;

    @Option(names = "--pipeline-name", paramLabel = "NAME", order = 21,
            description = "Pipeline name people read (default: --pipeline)")
    String pipelineName;

    @Option(names = "--project", paramLabel = "NAME", order = 22,
            description = "Project or folder holding the pipeline; also the deployed service when no --service")
    String project;

    @Option(names = "--pipeline-url", paramLabel = "URL", order = 23, description = "The pipeline's page")
    String pipelineUrl;

    @Option(names = "--run-id", paramLabel = "ID", order = 30,
            description = "Run id, unique on the server (default: <pipeline>#<run-number>). Shipping the same run "
                    + "again overwrites its event")
    String runId;

    @Option(names = "--run-number", paramLabel = "NUMBER", order = 31,
            description = "The run number people see; --run-id or --run-number is required")
    String runNumber;

    @Option(names = "--run-url", paramLabel = "URL", order = 32, description = "The run's page")
    String runUrl;

    @Option(names = "--result", paramLabel = "RESULT", order = 33,
            description = "Required. success, failure, error, timeout, cancellation or skip (also: passed, failed, "
                    + "canceled, aborted, skipped, ...)")
    String result;

    @Option(names = "--status-text", paramLabel = "TEXT", order = 34,
            description = "One-line status, e.g. 'Tests failed: 3'")
    String statusText;

    @Option(names = "--queued", paramLabel = "TIME", order = 40, converter = TimeConverter.class,
            description = "When the run entered the queue (ISO-8601, e.g. " + TimeConverter.EXAMPLE + ")")
    Instant queued;

    @Option(names = "--started", paramLabel = "TIME", order = 41, converter = TimeConverter.class,
            description = "Required. When the run started executing (ISO-8601)")
    Instant started;

    @Option(names = "--finished", paramLabel = "TIME", order = 42, converter = TimeConverter.class,
            description = "When the run finished (ISO-8601; default: now)")
    Instant finished;

    @Option(names = "--trigger", paramLabel = "TYPE", order = 50,
            description = "Why it started: user, scm, timer, upstream, api, replay, retry or other (default: other)")
    TriggerType trigger;

    @Option(names = "--triggered-by", paramLabel = "USER", order = 51, description = "Who started it (user.name)")
    String triggeredBy;

    @Option(names = "--trigger-description", paramLabel = "TEXT", order = 52,
            description = "How it started, e.g. 'Push by alice'")
    String triggerDescription;

    @Option(names = "--worker", paramLabel = "NAME", order = 53, description = "Runner or agent that ran it")
    String worker;

    @Option(names = "--repository", paramLabel = "URL", order = 60,
            description = "Repository URL (any git form; credentials in it are removed before anything is stored)")
    String repository;

    @Option(names = "--revision", paramLabel = "SHA", order = 61, description = "The revision built")
    String revision;

    @Option(names = "--branch", paramLabel = "NAME", order = 62, description = "The branch built")
    String branch;

    @Option(names = "--tag", paramLabel = "NAME", order = 63, description = "The tag built (instead of --branch)")
    String tag;

    @Option(names = "--default-branch", paramLabel = "NAME", order = 64,
            description = "The repository's default branch, to mark runs of it")
    String defaultBranch;

    @Option(names = "--pull-request", paramLabel = "ID", order = 65,
            description = "Pull or merge request number; marks the run as a pull-request run")
    String pullRequest;

    @Option(names = "--pull-request-title", paramLabel = "TEXT", order = 66, description = "Its title")
    String pullRequestTitle;

    @Option(names = "--base-branch", paramLabel = "NAME", order = 67, description = "Its target branch")
    String baseBranch;

    @Option(names = "--commit", paramLabel = "ID@TIME", order = 68, converter = CommitConverter.class,
            description = "A commit new in this run, with its time for lead time (ISO-8601); repeat, newest first. "
                    + "git log --format=%%H@%%cI prints this form")
    List<Commit> commits = new ArrayList<>();

    @Option(names = "--tests-passed", paramLabel = "N", order = 70, description = "Tests passed")
    Long testsPassed;

    @Option(names = "--tests-failed", paramLabel = "N", order = 71, description = "Tests failed")
    Long testsFailed;

    @Option(names = "--tests-skipped", paramLabel = "N", order = 72, description = "Tests skipped")
    Long testsSkipped;

    @Option(names = "--deploy-environment", paramLabel = "ENV", order = 80,
            description = "This run deploys to ENV (production, staging, ...): counted for deployment frequency")
    String deployEnvironment;

    @Option(names = "--service", paramLabel = "NAME", order = 81,
            description = "The service deployed (default: --project, else --pipeline)")
    String service;

    @Option(names = "--service-version", paramLabel = "VERSION", order = 82,
            description = "The version deployed (default: the revision)")
    String serviceVersion;

    @Option(names = "--label", paramLabel = "KEY=VALUE", order = 90,
            description = "A label (team, product, ...); keys are letters, digits, '_' and '-'. Repeatable")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--parameter", paramLabel = "NAME=VALUE", order = 91,
            description = "A build parameter to record. Repeatable. Never a secret: everyone who can read the "
                    + "index sees it, and names that look like secrets are refused")
    Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * The required flags that are missing or empty, in the order --help lists them. Empty counts as missing: in a
     * CI script it is an unset variable ({@code --server-name "$CI_SERVER_NAME"}), not a name.
     */
    List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        if (FlagFacts.blank(serverName)) {
            missing.add("--server-name");
        }
        if (FlagFacts.blank(pipeline)) {
            missing.add("--pipeline");
        }
        if (FlagFacts.blank(runId) && FlagFacts.blank(runNumber)) {
            missing.add("--run-id or --run-number");
        }
        if (FlagFacts.blank(result)) {
            missing.add("--result");
        }
        if (started == null) {
            missing.add("--started");
        }
        return missing;
    }
}
