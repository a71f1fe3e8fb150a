package io.buildanalytics.model.event;

import static io.buildanalytics.model.schema.EventFields.*;

import io.buildanalytics.model.derive.Deployment;
import io.buildanalytics.model.derive.DeploymentHistory;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.Derivations;
import io.buildanalytics.model.derive.Derived;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.derive.RunStreak;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.Outcome;
import io.buildanalytics.model.facts.PipelineResult;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.schema.EventFields;
import io.buildanalytics.model.schema.EventIdentity;
import io.buildanalytics.model.schema.IndexNaming;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a run's facts and the host's history into the one event both plugins send. The single place where
 * facts become fields.
 */
public final class BuildEventFactory {

    private final Sender sender;
    private final Derivations derivations;
    private final IndexNaming naming;
    private final Clock clock;

    public BuildEventFactory(Sender sender, DeploymentRules rules, IndexNaming naming, Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.derivations = new Derivations(Objects.requireNonNull(rules, "rules"));
        this.naming = Objects.requireNonNull(naming, "naming");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Derives from history and builds the event. Reads history: call it off the build thread. */
    public BuildEvent create(BuildFacts facts, History history) {
        return build(facts, derivations.derive(facts, history));
    }

    public BuildEvent build(BuildFacts facts, Derived derived) {
        String eventId = EventIdentity.pipelineRunId(facts);
        DocumentWriter doc = new DocumentWriter();
        writeEnvelope(doc, facts, eventId);
        writeServer(doc, facts);
        writeRun(doc, facts);
        writeStreak(doc, derived.streak());
        writeVcs(doc, facts);
        writeDeployment(doc, facts, derived.deployment(), eventId);
        doc.put(LABELS, facts.labels());
        return new BuildEvent(eventId, naming.indexFor(facts.finishedAt()), doc.document().toString());
    }

    private void writeEnvelope(DocumentWriter doc, BuildFacts facts, String eventId) {
        doc.put(TIMESTAMP, facts.finishedAt());
        doc.put(EVENT_KIND, "event");
        doc.put(EVENT_ACTION, EventIdentity.PIPELINE_RUN);
        doc.put(EVENT_DATASET, "cicd.pipeline_run");
        doc.put(EVENT_PROVIDER, providerName(facts));
        doc.put(EVENT_ID, eventId);
        doc.put(EVENT_OUTCOME, facts.outcome().value());
        doc.put(EVENT_START, facts.startedAt());
        doc.put(EVENT_END, facts.finishedAt());
        doc.put(EVENT_CREATED, clock.instant());
        doc.put(EVENT_DURATION, Duration.between(facts.startedAt(), facts.finishedAt()));
        doc.put(ECS_VERSION_FIELD, EventFields.ECS_VERSION);
        doc.put(SCHEMA_VERSION_FIELD, (long) EventFields.SCHEMA_VERSION);
    }

    private void writeServer(DocumentWriter doc, BuildFacts facts) {
        doc.put(OBSERVER_TYPE, "ci");
        doc.put(OBSERVER_PRODUCT, facts.server().product());
        doc.put(OBSERVER_VERSION, facts.server().version());
        doc.put(OBSERVER_NAME, facts.server().name());
        doc.put(SERVER_ID, facts.server().id());
        doc.put(SERVER_URL, Urls.withoutCredentials(facts.server().url()));
        doc.put(AGENT_NAME, "build-analytics");
        doc.put(AGENT_TYPE, sender.type());
        doc.put(AGENT_VERSION, sender.version());
    }

    private void writeRun(DocumentWriter doc, BuildFacts facts) {
        PipelineResult result = facts.pipelineResult();
        doc.put(PIPELINE_NAME, facts.pipeline().name());
        doc.put(PIPELINE_ID, facts.pipeline().id());
        doc.put(PIPELINE_PROJECT, facts.pipeline().project());
        doc.put(PIPELINE_URL, Urls.withoutCredentials(facts.pipeline().url()));
        doc.put(RUN_ID, facts.run().id());
        doc.put(RUN_NUMBER, facts.run().number());
        doc.put(RUN_URL, Urls.withoutCredentials(facts.run().url()));
        doc.put(RESULT, result.value());
        doc.put(ORIGINAL_RESULT, facts.result().raw());
        doc.put(STATUS_TEXT, facts.statusText());
        doc.put(ERROR_TYPE, errorType(facts, result));
        if (facts.queuedAt() != null) {
            doc.put(QUEUE_DURATION, Duration.between(facts.queuedAt(), facts.startedAt()));
        }
        doc.put(TRIGGER_TYPE, facts.trigger().type().value());
        doc.put(TRIGGER_DESCRIPTION, facts.trigger().description());
        doc.put(USER_NAME, facts.trigger().userName());
        doc.put(IS_PERSONAL, facts.personal());
        doc.put(IS_PULL_REQUEST, facts.pullRequest());
        doc.put(IS_COMPOSITE, facts.composite());
        doc.put(IS_DEFAULT_BRANCH, facts.vcs() == null ? null : facts.vcs().defaultBranch());
        doc.put(PARAMETERS, facts.parameters());
        if (facts.worker() != null) {
            doc.put(WORKER_NAME, facts.worker().name());
            doc.put(WORKER_ID, facts.worker().id());
        }
        if (facts.tests() != null) {
            doc.put(TESTS_TOTAL, facts.tests().total());
            doc.put(TESTS_PASSED, facts.tests().passed());
            doc.put(TESTS_FAILED, facts.tests().failed());
            doc.put(TESTS_SKIPPED, facts.tests().skipped());
        }
    }

    private static void writeStreak(DocumentWriter doc, RunStreak streak) {
        doc.put(PREVIOUS_RESULT, streak.previousResult() == null ? null : streak.previousResult().value());
        doc.put(FIRST_FAILURE, streak.firstFailure());
        doc.put(RECOVERY_TIME, streak.recoveryTime());
        doc.put(ATTEMPT, streak.attempt() == null ? null : streak.attempt().longValue());
        doc.put(FLAKY_SUSPECT, streak.flakySuspect());
    }

    private static void writeVcs(DocumentWriter doc, BuildFacts facts) {
        List<String> revisions = new ArrayList<>();
        for (Commit commit : facts.commits()) {
            if (revisions.size() == CHANGE_REVISIONS.maxItems()) {
                break;
            }
            revisions.add(commit.id());
        }
        doc.put(CHANGES_IN_RUN, (long) facts.commits().size());
        doc.put(CHANGE_REVISIONS, revisions);
        Vcs vcs = facts.vcs();
        if (vcs == null) {
            return;
        }
        RepositoryUrl.parse(vcs.repositoryUrl()).ifPresent(repository -> {
            doc.put(VCS_REPOSITORY_URL, repository.url());
            doc.put(VCS_PROVIDER, repository.provider());
            doc.put(VCS_OWNER, repository.owner());
            doc.put(VCS_REPOSITORY_NAME, repository.name());
        });
        doc.put(VCS_HEAD_NAME, vcs.refName());
        doc.put(VCS_HEAD_TYPE, vcs.refType() == null ? null : vcs.refType().value());
        doc.put(VCS_HEAD_REVISION, vcs.revision());
        doc.put(VCS_BASE_NAME, vcs.baseRefName());
        doc.put(VCS_BASE_REVISION, vcs.baseRevision());
        doc.put(VCS_CHANGE_ID, vcs.changeId());
        doc.put(VCS_CHANGE_TITLE, vcs.changeTitle());
    }

    private static void writeDeployment(DocumentWriter doc, BuildFacts facts, DeploymentHistory history,
                                        String eventId) {
        doc.put(IS_DEPLOYMENT, history != null);
        doc.put(IS_PRODUCTION, history != null && history.deployment().production());
        if (history == null) {
            return;
        }
        Deployment deployment = history.deployment();
        doc.put(SERVICE_NAME, deployment.service());
        doc.put(SERVICE_VERSION, deployment.version());
        doc.put(DEPLOYMENT_ENVIRONMENT, deployment.environment());
        doc.put(DEPLOYMENT_ID, eventId);
        doc.put(DEPLOYMENT_STATUS, facts.outcome() == Outcome.SUCCESS ? "succeeded"
                : facts.outcome() == Outcome.FAILURE ? "failed" : null);
        doc.put(DEPLOYMENT_DETECTION, deployment.detection().value());
        doc.put(DEPLOYMENT_RULE, deployment.rule());
        if (history.previous() != null) {
            doc.put(PREVIOUS_DEPLOYMENT_ID, history.previous().id());
            doc.put(PREVIOUS_DEPLOYMENT_REVISION, history.previous().revision());
            doc.put(PREVIOUS_DEPLOYMENT_VERSION, history.previous().version());
            doc.put(PREVIOUS_DEPLOYMENT_FINISHED, history.previous().finishedAt());
        }
        if (facts.outcome() == Outcome.SUCCESS) {
            doc.put(IS_ROLLBACK, history.rollback());
        }
        if (history.remediation() != null) {
            doc.put(REMEDIATION_TYPE, history.remediation().type());
            doc.put(REMEDIATED_DEPLOYMENT_ID, history.remediation().failedDeploymentId());
            doc.put(REMEDIATED_DEPLOYMENT_FINISHED, history.remediation().failedDeploymentFinishedAt());
            doc.put(DEPLOYMENT_RECOVERY_TIME, history.remediation().recoveryTime());
        }
        DeploymentHistory.Changes changes = history.changes();
        if (changes != null) {
            List<Long> leadTimes = LeadTimeSample.of(changes.leadTimes(), LEAD_TIMES.maxItems());
            doc.put(CHANGES_COUNT, (long) changes.count());
            doc.put(LEAD_TIMES, leadTimes);
            doc.put(LEAD_TIMES_SAMPLED, leadTimes.size() < changes.leadTimes().size());
            doc.put(FIRST_COMMITTED_AT, changes.firstCommittedAt());
        }
    }

    private static String providerName(BuildFacts facts) {
        if (facts.server().provider() != CiProvider.GENERIC) {
            return facts.server().provider().id();
        }
        String slug = facts.server().product().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? CiProvider.GENERIC.id() : slug;
    }

    private static String errorType(BuildFacts facts, PipelineResult result) {
        return switch (result) {
            case TIMEOUT -> "timeout";
            case ERROR -> "ci_error";
            case FAILURE -> testsFailed(facts) ? "test_failure" : "build_failure";
            default -> null;
        };
    }

    private static boolean testsFailed(BuildFacts facts) {
        return "UNSTABLE".equalsIgnoreCase(facts.result().raw().trim())
                || (facts.tests() != null && facts.tests().failed() > 0);
    }
}
