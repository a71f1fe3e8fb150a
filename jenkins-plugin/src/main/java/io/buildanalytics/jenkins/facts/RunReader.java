package io.buildanalytics.jenkins.facts;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.Result;
import hudson.model.Run;
import io.buildanalytics.jenkins.deployment.DeploymentTarget;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.HostResult;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.Worker;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one finished run into {@link BuildFacts}. It only reads what Jenkins holds in memory for a finished run
 * (no log, no workspace, no network), so it is safe to call in the build-finished callback; it is also what the
 * history and the backfill use, so every path produces the same facts for the same run.
 */
public final class RunReader {

    private final ReaderSettings settings;

    public RunReader(ReaderSettings settings) {
        this.settings = settings;
    }

    public ReaderSettings settings() {
        return settings;
    }

    /**
     * @param queuedAt when the run's queue item became ready to run, if a queue listener saw it
     * @return the facts, or empty for a run that is still building
     */
    public Optional<BuildFacts> read(Run<?, ?> run, Instant queuedAt) {
        Result result = run.getResult();
        if (result == null) {
            return Optional.empty();
        }
        Job<?, ?> job = run.getParent();
        Interruptions.Reading interruption = Interruptions.of(run);
        Instant startedAt = Instant.ofEpochMilli(run.getStartTimeInMillis());
        Instant finishedAt = startedAt.plusMillis(Math.max(0, run.getDuration()));
        Map<String, ParameterValue> parameters = parameters(run);

        BuildFacts.Builder facts = BuildFacts.builder()
                .server(settings.server())
                .pipeline(pipeline(job))
                .run(new PipelineRun(job.getFullName() + "#" + run.getNumber(), String.valueOf(run.getNumber()),
                        absolute(run.getUrl())))
                .result(HostResult.of(result.toString(), interruption.hints().toArray(new ResultHint[0])))
                .statusText(interruption.description())
                .queuedAt(queuedAt != null && !queuedAt.isAfter(startedAt) ? queuedAt : null)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .trigger(CauseClassifier.classify(run.getCauses(), settings.sendUserNames()))
                .worker(worker(run))
                .vcs(ScmReader.vcs(run))
                .commits(ScmReader.commits(run))
                .tests(TestResults.of(run))
                .labels(settings.labels());
        for (ParameterValue value : parameters.values()) {
            String text = settings.parameters().allows(value.getName(), value.isSensitive()) ? text(value) : null;
            if (text != null) {
                facts.parameter(value.getName(), text);
            }
        }
        deployment(job, parameters).ifPresent(facts::deployment);
        return Optional.of(facts.build());
    }

    private Pipeline pipeline(Job<?, ?> job) {
        ItemGroup<?> parent = job.getParent();
        String folder = parent == null ? null : blankToNull(parent.getFullName());
        return new Pipeline(job.getFullName(), job.getFullDisplayName(), folder, absolute(job.getUrl()));
    }

    /**
     * A run's deployment parameter (never a password one) names the environment of that run; otherwise the job's
     * {@link DeploymentTarget} property declares it. Name patterns, the weakest signal, are applied later by the
     * shipper's derivation.
     */
    private Optional<DeploymentDeclaration> deployment(Job<?, ?> job, Map<String, ParameterValue> parameters) {
        Optional<DeploymentDeclaration> byParameter = settings.deploymentParameters() == null ? Optional.empty()
                : settings.deploymentParameters().declaration(name -> {
                    ParameterValue value = parameters.get(name.toUpperCase(Locale.ROOT));
                    return value == null || value.isSensitive() ? null : text(value);
                });
        if (byParameter.isPresent()) {
            return byParameter;
        }
        DeploymentTarget target = job.getProperty(DeploymentTarget.class);
        return target == null ? Optional.empty() : Optional.ofNullable(target.declaration());
    }

    /** Parameters by upper-cased name: Jenkins treats parameter names case-insensitively in the environment. */
    private static Map<String, ParameterValue> parameters(Run<?, ?> run) {
        Map<String, ParameterValue> byName = new LinkedHashMap<>();
        for (ParameterValue value : run.getParameterValues()) {
            if (value != null && value.getName() != null) {
                byName.putIfAbsent(value.getName().toUpperCase(Locale.ROOT), value);
            }
        }
        return byName;
    }

    private static String text(ParameterValue value) {
        Object raw;
        try {
            raw = value.getValue();
        } catch (RuntimeException e) {
            return null;
        }
        return raw == null ? null : String.valueOf(raw);
    }

    /**
     * Where a freestyle-style build ran ({@code AbstractBuild.getBuiltOnStr()}, "" for the built-in node). A
     * Pipeline may use many agents and has no single one, so it has none here.
     */
    private static Worker worker(Run<?, ?> run) {
        return Reflection.call(run, "getBuiltOnStr").map(String::valueOf)
                .map(name -> new Worker(name.isEmpty() ? "built-in" : name, null)).orElse(null);
    }

    private String absolute(String relativeUrl) {
        return settings.rootUrl() == null || relativeUrl == null ? null : settings.rootUrl() + relativeUrl;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
