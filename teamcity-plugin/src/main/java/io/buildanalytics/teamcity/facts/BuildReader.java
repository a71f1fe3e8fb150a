package io.buildanalytics.teamcity.facts;

import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.HostResult;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Worker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import jetbrains.buildServer.BuildProblemData;
import jetbrains.buildServer.StatusDescriptor;
import jetbrains.buildServer.messages.Status;
import jetbrains.buildServer.parameters.ParametersProvider;
import jetbrains.buildServer.serverSide.SBuild;
import jetbrains.buildServer.serverSide.SBuildType;
import jetbrains.buildServer.serverSide.SFinishedBuild;
import jetbrains.buildServer.serverSide.SProject;
import jetbrains.buildServer.serverSide.ShortStatistics;

/**
 * Reads one TeamCity build into {@link BuildFacts}. The build-finished callback, the history and the backfill all
 * read through here, so every path produces the same facts for the same build. It reads build records, which may
 * touch TeamCity's database: call it on the plugin's own threads, never in TeamCity's callback.
 */
public final class BuildReader {

    /** TeamCity's build problem type for "execution timeout" (BuildProblemTypes.TC_EXECUTION_TIMEOUT_TYPE). */
    static final String EXECUTION_TIMEOUT = "TC_EXECUTION_TIMEOUT";

    private final ReaderSettings settings;

    public BuildReader(ReaderSettings settings) {
        this.settings = settings;
    }

    public ReaderSettings settings() {
        return settings;
    }

    /**
     * @param finishedAt when the build finished if TeamCity does not say yet (inside {@code buildFinished} the
     *                   finish date is still null): the moment the callback ran
     * @return the facts, or empty for a build that never started (cancelled in the queue)
     */
    public Optional<BuildFacts> read(SBuild build, Instant finishedAt) {
        Date start = build.getStartDate();
        if (start == null) {
            return Optional.empty();
        }
        Instant startedAt = start.toInstant();
        Instant finished = finishDate(build).orElse(finishedAt);
        if (finished == null) {
            return Optional.empty();
        }
        if (finished.isBefore(startedAt)) {
            finished = startedAt;
        }
        Map<String, String> parameters = parameters(build);
        BuildFacts.Builder facts = BuildFacts.builder()
                .server(settings.server())
                .pipeline(pipeline(build))
                .run(new PipelineRun(String.valueOf(build.getBuildId()), build.getBuildNumber(),
                        link("viewLog.html?buildId=" + build.getBuildId())))
                .result(HostResult.of(statusName(build.getBuildStatus()), hints(build)))
                .statusText(statusText(build))
                .queuedAt(queuedAt(build, startedAt))
                .startedAt(startedAt)
                .finishedAt(finished)
                .trigger(TriggerClassifier.classify(build.getTriggeredBy(), settings.sendUserNames()))
                .worker(worker(build))
                .vcs(VcsReader.vcs(build, parameters))
                .commits(VcsReader.commits(build))
                .tests(tests(build.getShortStatistics()))
                .labels(settings.labels())
                .personal(build.isPersonal())
                .composite(newerApi(() -> build.isCompositeBuild()));
        parameters.forEach((name, value) -> {
            if (settings.parameters().allows(name, SecureParameters.isSecure(name, value))) {
                facts.parameter(name, value);
            }
        });
        deployment(build, parameters).ifPresent(facts::deployment);
        return Optional.of(facts.build());
    }

    /** A finished build's own finish date; TeamCity has none while the build is being finished. */
    private static Optional<Instant> finishDate(SBuild build) {
        Date date = build instanceof SFinishedBuild finished ? finished.getFinishDate() : build.getFinishDate();
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private Pipeline pipeline(SBuild build) {
        SBuildType type = build.getBuildType();
        SProject project = type == null ? null : type.getProject();
        String id = build.getBuildTypeExternalId();
        return new Pipeline(id, build.getFullName(), project == null ? null : project.getFullName(),
                link("viewType.html?buildTypeId=" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    /**
     * TeamCity's status by identity: {@code Status} is a class whose instances are TeamCity's own, so comparing
     * with the fields reads TeamCity's values at run time (its text for NORMAL is "SUCCESS").
     */
    static String statusName(Status status) {
        if (status == Status.NORMAL) {
            return "NORMAL";
        }
        if (status == Status.WARNING) {
            return "WARNING";
        }
        if (status == Status.FAILURE) {
            return "FAILURE";
        }
        if (status == Status.ERROR) {
            return "ERROR";
        }
        return "UNKNOWN";
    }

    private static ResultHint[] hints(SBuild build) {
        List<ResultHint> hints = new ArrayList<>();
        if (build.getCanceledInfo() != null) {
            hints.add(ResultHint.CANCELED);
        }
        List<BuildProblemData> problems = build.getFailureReasons();
        if (problems != null && problems.stream().anyMatch(p -> p != null && EXECUTION_TIMEOUT.equals(p.getType()))) {
            hints.add(ResultHint.TIMEOUT);
        }
        return hints.toArray(new ResultHint[0]);
    }

    private static String statusText(SBuild build) {
        StatusDescriptor descriptor = build.getStatusDescriptor();
        return descriptor == null ? null : descriptor.getText();
    }

    private static Instant queuedAt(SBuild build, Instant startedAt) {
        Date queued = build.getQueuedDate();
        return queued == null || queued.toInstant().isAfter(startedAt) ? null : queued.toInstant();
    }

    private static Worker worker(SBuild build) {
        String agent = build.getAgentName();
        return agent == null || agent.isBlank() ? null : new Worker(agent, null);
    }

    private static TestCounts tests(ShortStatistics statistics) {
        if (statistics == null || statistics.getAllTestCount() <= 0) {
            return null;
        }
        return TestCounts.of(statistics.getPassedTestCount(), statistics.getFailedTestCount(),
                statistics.getIgnoredTestCount());
    }

    private static Map<String, String> parameters(SBuild build) {
        ParametersProvider provider = build.getParametersProvider();
        Map<String, String> all = provider == null ? null : provider.getAll();
        return all == null ? Map.of() : new LinkedHashMap<>(all);
    }

    /**
     * The deployment a build declares: a deployment parameter names the environment; failing that, a configuration
     * of TeamCity's Deployment type deploys to the environment the admin's name patterns give it, else to the
     * environment its name says. Name patterns alone are applied later, by the shipper.
     */
    private Optional<DeploymentDeclaration> deployment(SBuild build, Map<String, String> parameters) {
        Optional<DeploymentDeclaration> byParameter = settings.deploymentParameters() == null ? Optional.empty()
                : settings.deploymentParameters().declaration(name -> {
                    String value = parameters.get(name);
                    return value == null || SecureParameters.isSecure(name, value) ? null : value;
                });
        if (byParameter.isPresent()) {
            return byParameter;
        }
        SBuildType type = build.getBuildType();
        if (type == null || !newerApi(() -> type.isDeployment())) {
            return Optional.empty();
        }
        Pipeline pipeline = pipeline(build);
        for (NamePatternRule rule : settings.rules().patterns()) {
            Optional<NamePatternRule.Match> match = rule.match(pipeline);
            if (match.isPresent()) {
                return Optional.of(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT,
                        "teamcity-deployment-type", match.get().environment(), match.get().service(), null));
            }
        }
        return Optional.of(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, "teamcity-deployment-type",
                type.getName(), null, null));
    }

    /**
     * A member TeamCity added after the oldest API this plugin links against (composite builds, the Deployment
     * configuration type): false on a server that does not have it. Callers pass a lambda, never a method
     * reference: a method reference is linked where it is written, so its NoSuchMethodError would escape this
     * guard; a lambda's call is linked inside it.
     */
    private static boolean newerApi(BooleanSupplier call) {
        try {
            return call.getAsBoolean();
        } catch (LinkageError e) {
            return false;
        }
    }

    private String link(String relative) {
        return settings.rootUrl() == null ? null : settings.rootUrl() + relative;
    }
}
