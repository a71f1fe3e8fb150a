package io.buildanalytics.model.schema;

import static io.buildanalytics.model.schema.Origin.ECS;
import static io.buildanalytics.model.schema.Origin.OTEL;
import static io.buildanalytics.model.schema.Origin.PROJECT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The build event's fields: the one source from which the index template, the JSON Schema and
 * {@code docs/schema.md} are generated and through which the document builder writes. A field that is not
 * declared here cannot be written, so the three artefacts and the documents cannot drift apart.
 *
 * <p>Lengths bound the document: with every string at its limit and every list full, an event stays well
 * under 100 KB (checked by a test).
 */
public final class EventFields {

    /** Raised whenever a field is added, removed or changes meaning; the shipper upgrades older templates. */
    public static final int SCHEMA_VERSION = 1;

    /** The ECS version whose field definitions the envelope follows. */
    public static final String ECS_VERSION = "8.17.0";

    static final int ID = 128;
    static final int NAME = 512;
    static final int URL = 1024;
    static final int TEXT = 256;

    private static final List<Field> ALL = new ArrayList<>();

    // ---- envelope (ECS) -------------------------------------------------------------------------------------
    public static final Field.Date TIMESTAMP = date("@timestamp", ECS, true,
            "When the run finished (UTC). Decides the monthly index `<prefix>-YYYY.MM`.");
    public static final Field.Keyword EVENT_KIND = keyword("event.kind", ECS, true, ID,
            "Always `event`.", "event");
    public static final Field.Keyword EVENT_ACTION = keyword("event.action", ECS, true, ID,
            "What happened: `pipeline_run` (a run finished).", "pipeline_run");
    public static final Field.Keyword EVENT_DATASET = keyword("event.dataset", ECS, true, ID,
            "`cicd.pipeline_run` for finished runs.", "cicd.pipeline_run");
    public static final Field.Keyword EVENT_PROVIDER = keyword("event.provider", ECS, true, ID,
            "CI product that observed the run, lower case: `jenkins`, `teamcity`, or the product named by the sender.");
    public static final Field.Keyword EVENT_ID = keyword("event.id", ECS, true, ID,
            "Deterministic id, equal to the document `_id`: SHA-256 (hex) over server id, pipeline id, run id and "
                    + "event action. A resend overwrites instead of duplicating.");
    public static final Field.Keyword EVENT_OUTCOME = keyword("event.outcome", ECS, true, ID,
            "`success`, `failure` (failure, error and timeout results) or `unknown` (cancelled, skipped). "
                    + "Failure rates divide failures by success + failure.", "success", "failure", "unknown");
    public static final Field.Date EVENT_START = date("event.start", ECS, true, "When the run started executing.");
    public static final Field.Date EVENT_END = date("event.end", ECS, true, "When the run finished (= `@timestamp`).");
    public static final Field.Date EVENT_CREATED = date("event.created", ECS, true,
            "When the plugin built this event (a backfill shows the backfill time here).");
    public static final Field.Number EVENT_DURATION = number("event.duration", ECS, true,
            "Execution time in nanoseconds: `event.end` − `event.start` (queue time not included).");
    public static final Field.Keyword ECS_VERSION_FIELD = keyword("ecs.version", ECS, true, ID,
            "ECS version the envelope follows.");
    public static final Field.Number SCHEMA_VERSION_FIELD = number("ci.schema_version", PROJECT, true,
            "Version of this event schema; the index template's `_meta.schema_version` names the newest it maps.");

    // ---- CI server and the shipper --------------------------------------------------------------------------
    public static final Field.Keyword OBSERVER_TYPE = keyword("observer.type", ECS, true, ID,
            "Always `ci`.", "ci");
    public static final Field.Keyword OBSERVER_PRODUCT = keyword("observer.product", ECS, true, ID,
            "CI product: `Jenkins`, `TeamCity`, …");
    public static final Field.Keyword OBSERVER_VERSION = keyword("observer.version", ECS, false, ID,
            "CI product version.");
    public static final Field.Keyword OBSERVER_NAME = keyword("observer.name", ECS, true, NAME,
            "Instance name the admin gave this CI server; the dashboards' \"CI server\" split.");
    public static final Field.Keyword SERVER_ID = keyword("ci.server.id", PROJECT, true, NAME,
            "Stable identity of the CI server installation (Jenkins instance id, TeamCity server UUID or root URL).");
    public static final Field.Keyword SERVER_URL = keyword("ci.server.url", PROJECT, false, URL,
            "Root URL of the CI server.");
    public static final Field.Keyword AGENT_NAME = keyword("agent.name", ECS, true, ID,
            "Always `build-analytics`.");
    public static final Field.Keyword AGENT_TYPE = keyword("agent.type", ECS, true, ID,
            "Which sender wrote the event: `jenkins-plugin`, `teamcity-plugin`, `cli`.");
    public static final Field.Keyword AGENT_VERSION = keyword("agent.version", ECS, false, ID,
            "Version of that sender.");

    // ---- pipeline and run -----------------------------------------------------------------------------------
    public static final Field.Keyword PIPELINE_NAME = keywordWithText("cicd.pipeline.name", OTEL, true, NAME,
            "Human-readable pipeline name: Jenkins full display name, TeamCity `Project :: Configuration`. "
                    + "Also searchable as full text under `cicd.pipeline.name.text`.");
    public static final Field.Keyword PIPELINE_ID = keyword("ci.pipeline.id", PROJECT, true, NAME,
            "Stable pipeline id: Jenkins full job name, TeamCity build configuration external id.");
    public static final Field.Keyword PIPELINE_PROJECT = keyword("ci.pipeline.project", PROJECT, false, NAME,
            "Folder (Jenkins) or project path (TeamCity) holding the pipeline.");
    public static final Field.Keyword PIPELINE_URL = keyword("ci.pipeline.url", PROJECT, false, URL,
            "The pipeline's page.");
    public static final Field.Keyword RUN_ID = keyword("cicd.pipeline.run.id", OTEL, true, NAME,
            "Run id, unique on its server: Jenkins `<full name>#<number>`, TeamCity build id.");
    public static final Field.Keyword RUN_NUMBER = keyword("ci.pipeline.run.number", PROJECT, false, ID,
            "The number people see (TeamCity build numbers can be any text).");
    public static final Field.Keyword RUN_URL = keyword("cicd.pipeline.run.url.full", OTEL, false, URL,
            "The run's page.");
    public static final Field.Keyword RESULT = keyword("cicd.pipeline.result", OTEL, true, ID,
            "Host-neutral result: `success`, `failure`, `error` (CI system fault), `timeout`, `cancellation`, `skip`.",
            "success", "failure", "error", "timeout", "cancellation", "skip");
    public static final Field.Keyword ORIGINAL_RESULT = keyword("ci.pipeline.run.original_result", PROJECT, true, ID,
            "The result word exactly as the host said it (UNSTABLE, ABORTED, NOT_BUILT, NORMAL, …).");
    public static final Field.Keyword STATUS_TEXT = keyword("ci.pipeline.run.status_text", PROJECT, false, TEXT,
            "The host's one-line status, e.g. TeamCity `Tests failed: 3 (1 new)`.");
    public static final Field.Keyword ERROR_TYPE = keyword("error.type", ECS, false, ID,
            "Failure class on runs that did not succeed: `test_failure`, `build_failure`, `ci_error`, `timeout`.",
            "test_failure", "build_failure", "ci_error", "timeout");
    public static final Field.Number QUEUE_DURATION = number("ci.pipeline.run.queue.duration", PROJECT, false,
            "Nanoseconds from entering the queue to starting.");
    public static final Field.Keyword TRIGGER_TYPE = keyword("ci.pipeline.run.trigger.type", PROJECT, true, ID,
            "Why it started: `user`, `scm`, `timer`, `upstream`, `api`, `replay`, `retry`, `other`.",
            "user", "scm", "timer", "upstream", "api", "replay", "retry", "other");
    public static final Field.Keyword TRIGGER_DESCRIPTION = keyword("ci.pipeline.run.trigger.description", PROJECT,
            false, TEXT, "The host's description of the cause (\"Started by user alice\").");
    public static final Field.Keyword USER_NAME = keyword("user.name", ECS, false, ID,
            "The user who triggered the run, unless the admin turned user names off.");
    public static final Field.Bool IS_PERSONAL = bool("ci.pipeline.run.is_personal", PROJECT, true,
            "TeamCity personal build; never a deployment, leave out of DORA.");
    public static final Field.Bool IS_PULL_REQUEST = bool("ci.pipeline.run.is_pull_request", PROJECT, true,
            "Built a pull/merge request (`vcs.change.id` is set).");
    public static final Field.Bool IS_COMPOSITE = bool("ci.pipeline.run.is_composite", PROJECT, true,
            "TeamCity composite build (aggregates its dependencies, runs nothing itself).");
    public static final Field.Bool IS_DEFAULT_BRANCH = bool("ci.pipeline.run.is_default_branch", PROJECT, false,
            "Built the repository's default branch, where the host knows.");
    public static final Field.KeywordMap PARAMETERS = keywordMap("ci.pipeline.run.parameters", PROJECT,
            "Build parameters the admin allowed (never passwords); keys with characters other than letters, digits, "
                    + "`_` and `-` are written with `_` instead.", 24, 64, 128);
    public static final Field.Keyword WORKER_NAME = keyword("cicd.worker.name", OTEL, false, NAME,
            "Agent or node that ran the build.");
    public static final Field.Keyword WORKER_ID = keyword("cicd.worker.id", OTEL, false, ID,
            "Agent id, where the host has one.");
    public static final Field.Number TESTS_TOTAL = number("ci.tests.total", PROJECT, false, "Tests run.");
    public static final Field.Number TESTS_PASSED = number("ci.tests.passed", PROJECT, false, "Tests passed.");
    public static final Field.Number TESTS_FAILED = number("ci.tests.failed", PROJECT, false, "Tests failed.");
    public static final Field.Number TESTS_SKIPPED = number("ci.tests.skipped", PROJECT, false, "Tests skipped.");

    // ---- derived from the pipeline's history ----------------------------------------------------------------
    public static final Field.Keyword PREVIOUS_RESULT = keyword("ci.pipeline.run.previous_result", PROJECT, false, ID,
            "Result of the previous decisive run of this pipeline (cancelled and skipped runs are passed over).",
            "success", "failure", "error", "timeout");
    public static final Field.Bool FIRST_FAILURE = bool("ci.pipeline.run.first_failure", PROJECT, true,
            "This run failed and the previous decisive run did not (or there was none): the pipeline turned red.");
    public static final Field.Number RECOVERY_TIME = number("ci.pipeline.run.recovery_time", PROJECT, false,
            "On the first success after failures: nanoseconds from the end of the first failed run to the end of "
                    + "this one (\"time in red\").");
    public static final Field.Number ATTEMPT = number("ci.pipeline.run.attempt", PROJECT, false,
            "How many runs of this pipeline in a row, this one included, built the same revision.");
    public static final Field.Bool FLAKY_SUSPECT = bool("ci.pipeline.run.flaky_suspect", PROJECT, true,
            "Succeeded right after a failure of the same revision: nothing changed, so the failure was probably flaky.");

    // ---- version control ------------------------------------------------------------------------------------
    public static final Field.Keyword VCS_PROVIDER = keyword("vcs.provider.name", OTEL, false, ID,
            "`github`, `gitlab`, `bitbucket` or `gitea`, recognised from the repository host.");
    public static final Field.Keyword VCS_OWNER = keyword("vcs.owner.name", OTEL, false, NAME,
            "Owner (organisation, group path) of the repository.");
    public static final Field.Keyword VCS_REPOSITORY_NAME = keyword("vcs.repository.name", OTEL, false, NAME,
            "Repository name without its owner.");
    public static final Field.Keyword VCS_REPOSITORY_URL = keyword("vcs.repository.url.full", OTEL, false, URL,
            "Canonical repository URL: https form, credentials removed, no `.git`.");
    public static final Field.Keyword VCS_HEAD_NAME = keyword("vcs.ref.head.name", OTEL, false, NAME,
            "Branch or tag built.");
    public static final Field.Keyword VCS_HEAD_TYPE = keyword("vcs.ref.head.type", OTEL, false, ID,
            "`branch` or `tag`.", "branch", "tag");
    public static final Field.Keyword VCS_HEAD_REVISION = keyword("vcs.ref.head.revision", OTEL, false, ID,
            "Revision (commit SHA) built.");
    public static final Field.Keyword VCS_BASE_NAME = keyword("vcs.ref.base.name", OTEL, false, NAME,
            "Pull request target branch.");
    public static final Field.Keyword VCS_BASE_REVISION = keyword("vcs.ref.base.revision", OTEL, false, ID,
            "Pull request target revision.");
    public static final Field.Keyword VCS_CHANGE_ID = keyword("vcs.change.id", OTEL, false, ID,
            "Pull / merge request number.");
    public static final Field.Keyword VCS_CHANGE_TITLE = keyword("vcs.change.title", OTEL, false, TEXT,
            "Pull / merge request title.");
    public static final Field.Number CHANGES_IN_RUN = number("ci.changes.count", PROJECT, true,
            "Commits new in this run, as the host listed them (true count, even when the list below is cut).");
    public static final Field.KeywordArray CHANGE_REVISIONS = keywordArray("ci.changes.revisions", PROJECT,
            "Ids of the commits new in this run, newest first; the first 50.", 50, 64);

    // ---- service and deployment -----------------------------------------------------------------------------
    public static final Field.Keyword SERVICE_NAME = keyword("service.name", ECS, false, NAME,
            "Service deployed (declared, or from the deployment rule, or the pipeline's project / id).");
    public static final Field.Keyword SERVICE_VERSION = keyword("service.version", ECS, false, ID,
            "Version deployed, when declared.");
    public static final Field.Keyword DEPLOYMENT_ENVIRONMENT = keyword("deployment.environment.name", OTEL, false, ID,
            "Target environment, normalised: `production`, `staging`, `test`, `development`, or the lower-cased name.");
    public static final Field.Alias SERVICE_ENVIRONMENT = alias("service.environment", ECS,
            "Alias of `deployment.environment.name` for ECS tooling (read-only).", DEPLOYMENT_ENVIRONMENT);
    public static final Field.Keyword DEPLOYMENT_ID = keyword("deployment.id", OTEL, false, ID,
            "Id of this deployment: the event id of this run.");
    public static final Field.Keyword DEPLOYMENT_STATUS = keyword("deployment.status", OTEL, false, ID,
            "`succeeded` or `failed`; absent when the deployment run was cancelled or skipped.", "succeeded", "failed");
    public static final Field.Bool IS_DEPLOYMENT = bool("dora.is_deployment", PROJECT, true,
            "The run is a deployment attempt (any outcome). Deployment Frequency counts those with "
                    + "`event.outcome: success`.");
    public static final Field.Bool IS_PRODUCTION = bool("dora.is_production", PROJECT, true,
            "The deployment's environment is production.");
    public static final Field.Keyword DEPLOYMENT_DETECTION = keyword("dora.deployment.detection", PROJECT, false, ID,
            "How it was recognised: `explicit` (step, job property, TeamCity deployment type), `parameter`, "
                    + "`pipeline_pattern`.", "explicit", "parameter", "pipeline_pattern");
    public static final Field.Keyword DEPLOYMENT_RULE = keyword("dora.deployment.rule", PROJECT, false, TEXT,
            "Which declaration or pattern decided, e.g. `teamcity-deployment-type`, `parameter:DEPLOY_ENV`, "
                    + "`pattern:deploy-(?<environment>prod|staging)`.");
    public static final Field.Keyword PREVIOUS_DEPLOYMENT_ID = keyword("dora.deployment.previous.id", PROJECT, false,
            ID, "`deployment.id` of the previous successful deployment of this service to this environment.");
    public static final Field.Keyword PREVIOUS_DEPLOYMENT_REVISION = keyword("dora.deployment.previous.revision",
            PROJECT, false, ID, "Revision of that previous deployment.");
    public static final Field.Keyword PREVIOUS_DEPLOYMENT_VERSION = keyword("dora.deployment.previous.version",
            PROJECT, false, ID, "Version of that previous deployment (its revision when no version was declared).");
    public static final Field.Date PREVIOUS_DEPLOYMENT_FINISHED = date("dora.deployment.previous.finished_at",
            PROJECT, false, "When that previous deployment finished.");
    public static final Field.Bool IS_ROLLBACK = bool("dora.deployment.is_rollback", PROJECT, false,
            "A successful deployment of a version that differs from the previous deployment's and was deployed "
                    + "before it (Datadog's rule).");
    public static final Field.Number CHANGES_COUNT = number("dora.changes.count", PROJECT, false,
            "On successful production deployments with a predecessor: commits this deployment brought to the "
                    + "environment first (this run's and those of failed attempts since the previous deployment).");
    public static final Field.NumberArray LEAD_TIMES = numberArray("dora.changes.lead_time", PROJECT,
            "Lead time per commit first deployed here, nanoseconds (deployment end − commit time; ≤ 0 dropped). "
                    + "Multi-valued: percentiles count every value. More than 500 are sampled evenly by rank.", 500);
    public static final Field.Bool LEAD_TIMES_SAMPLED = bool("dora.changes.lead_time_sampled", PROJECT, false,
            "True when `dora.changes.lead_time` holds a sample because there were more than 500 commits.");
    public static final Field.Date FIRST_COMMITTED_AT = date("dora.changes.first_committed_at", PROJECT, false,
            "Time of the oldest commit first deployed here.");
    public static final Field.Keyword REMEDIATION_TYPE = keyword("dora.remediation.type", PROJECT, false, ID,
            "Set when this deployment remedies an earlier one: `rollback`.", "rollback");
    public static final Field.Keyword REMEDIATED_DEPLOYMENT_ID = keyword("dora.remediation.failed_deployment.id",
            PROJECT, false, ID, "`deployment.id` of the deployment this one remedies: a CI-derived change failure. "
                    + "Change Failure Rate = distinct values / production deployments.");
    public static final Field.Date REMEDIATED_DEPLOYMENT_FINISHED = date(
            "dora.remediation.failed_deployment.finished_at", PROJECT, false,
            "When the remedied deployment finished.");
    public static final Field.Number DEPLOYMENT_RECOVERY_TIME = number("dora.recovery_time", PROJECT, false,
            "Failed deployment recovery time, nanoseconds: this deployment's end − the remedied deployment's end.");

    public static final Field.KeywordMap LABELS = keywordMap("labels", ECS,
            "Admin-defined key/values (team, product, …); keys are letters, digits, `_` and `-`.", 24, 64, 128);

    private EventFields() {
    }

    /** Every field, in declaration order (the order of the schema document). */
    public static List<Field> all() {
        return Collections.unmodifiableList(ALL);
    }

    private static <F extends Field> F register(F field) {
        for (Field existing : ALL) {
            if (existing.path().equals(field.path())) {
                throw new IllegalStateException("Field declared twice: " + field.path());
            }
        }
        ALL.add(field);
        return field;
    }

    private static Field.Keyword keyword(String path, Origin origin, boolean required, int maxLength,
                                         String description, String... allowedValues) {
        return register(new Field.Keyword(path, origin, description, required, maxLength,
                Arrays.asList(allowedValues), false));
    }

    private static Field.Keyword keywordWithText(String path, Origin origin, boolean required, int maxLength,
                                                 String description) {
        return register(new Field.Keyword(path, origin, description, required, maxLength, List.of(), true));
    }

    private static Field.Number number(String path, Origin origin, boolean required, String description) {
        return register(new Field.Number(path, origin, description, required));
    }

    private static Field.Date date(String path, Origin origin, boolean required, String description) {
        return register(new Field.Date(path, origin, description, required));
    }

    private static Field.Bool bool(String path, Origin origin, boolean required, String description) {
        return register(new Field.Bool(path, origin, description, required));
    }

    private static Field.NumberArray numberArray(String path, Origin origin, String description, int maxItems) {
        return register(new Field.NumberArray(path, origin, description, maxItems));
    }

    private static Field.KeywordArray keywordArray(String path, Origin origin, String description, int maxItems,
                                                   int maxLength) {
        return register(new Field.KeywordArray(path, origin, description, maxItems, maxLength));
    }

    private static Field.KeywordMap keywordMap(String path, Origin origin, String description, int maxEntries,
                                               int maxKeyLength, int maxValueLength) {
        return register(new Field.KeywordMap(path, origin, description, maxEntries, maxKeyLength, maxValueLength));
    }

    private static Field.Alias alias(String path, Origin origin, String description, Field target) {
        return register(new Field.Alias(path, origin, description, target));
    }
}
