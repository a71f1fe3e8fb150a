package io.buildanalytics.model.facts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything a host adapter knows about one finished run, in host-neutral terms. The adapters' only job is
 * to fill this in; classification, derivation and serialisation happen in this module.
 *
 * <p>Immutable and validated on construction: a missing identity, an unknown result word or a malformed
 * label fails here with a message naming the field, not later in the engine.
 *
 * @param server      the CI server
 * @param pipeline    the job or build configuration
 * @param run         this run's identity
 * @param result      the result as the host said it
 * @param statusText  the host's one-line status ("Tests failed: 3 (1 new)"), if any
 * @param queuedAt    when the run entered the queue, if known
 * @param startedAt   when it started executing
 * @param finishedAt  when it finished; the event's {@code @timestamp}
 * @param trigger     why it started
 * @param worker      where it ran, if known
 * @param vcs         version-control facts, if any
 * @param commits     commits new in this run, newest first as the host lists them
 * @param tests       test counts, if the run recorded tests
 * @param parameters  build parameters the admin allowed to be sent (never password parameters)
 * @param deployment  an explicit deployment declaration, if the user made one
 * @param labels      admin-defined key/values (team, product…); keys are letters, digits, '_' and '-'
 * @param personal    a TeamCity personal build (never counted as a deployment)
 * @param composite   a TeamCity composite build
 */
public record BuildFacts(CiServer server, Pipeline pipeline, PipelineRun run, HostResult result, String statusText,
                         Instant queuedAt, Instant startedAt, Instant finishedAt, Trigger trigger, Worker worker,
                         Vcs vcs, List<Commit> commits, TestCounts tests, Map<String, String> parameters,
                         DeploymentDeclaration deployment, Map<String, String> labels, boolean personal,
                         boolean composite) {

    /** Label keys become field names under {@code labels}: a dot would turn a key into an object. */
    public static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public BuildFacts {
        Checks.required(server, "BuildFacts", "server", "the CI server that ran the build");
        Checks.required(pipeline, "BuildFacts", "pipeline", "the job or build configuration");
        Checks.required(run, "BuildFacts", "run", "the run's identity");
        Checks.required(result, "BuildFacts", "result", "the result as the host reported it");
        ResultMapping.map(server.provider(), result); // rejects result words this provider cannot have
        statusText = Checks.optional(statusText);
        Checks.required(startedAt, "BuildFacts", "startedAt", "when the run started executing");
        Checks.required(finishedAt, "BuildFacts", "finishedAt", "when the run finished");
        trigger = trigger == null ? Trigger.of(TriggerType.OTHER) : trigger;
        commits = Checks.listWithoutNulls(commits, "BuildFacts", "commits");
        parameters = Checks.mapWithoutNulls(parameters, "BuildFacts", "parameters");
        labels = Checks.mapWithoutNulls(labels, "BuildFacts", "labels");
        for (String key : labels.keySet()) {
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("BuildFacts.labels key '" + shorten(key)
                        + "' is not allowed: use 1 to 64 letters, digits, '_' or '-' (no dots)");
            }
        }
    }

    /** The host-neutral result; see {@link ResultMapping}. */
    public PipelineResult pipelineResult() {
        return ResultMapping.map(server.provider(), result);
    }

    public Outcome outcome() {
        return pipelineResult().outcome();
    }

    /** The revision built, or null. */
    public String revision() {
        return vcs == null ? null : vcs.revision();
    }

    public boolean pullRequest() {
        return vcs != null && vcs.isPullRequest();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.server = server;
        b.pipeline = pipeline;
        b.run = run;
        b.result = result;
        b.statusText = statusText;
        b.queuedAt = queuedAt;
        b.startedAt = startedAt;
        b.finishedAt = finishedAt;
        b.trigger = trigger;
        b.worker = worker;
        b.vcs = vcs;
        b.commits = commits;
        b.tests = tests;
        b.parameters = new LinkedHashMap<>(parameters);
        b.deployment = deployment;
        b.labels = new LinkedHashMap<>(labels);
        b.personal = personal;
        b.composite = composite;
        return b;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Adapters fill facts one at a time as they read the host's objects. */
    public static final class Builder {
        private CiServer server;
        private Pipeline pipeline;
        private PipelineRun run;
        private HostResult result;
        private String statusText;
        private Instant queuedAt;
        private Instant startedAt;
        private Instant finishedAt;
        private Trigger trigger;
        private Worker worker;
        private Vcs vcs;
        private List<Commit> commits = List.of();
        private TestCounts tests;
        private Map<String, String> parameters = new LinkedHashMap<>();
        private DeploymentDeclaration deployment;
        private Map<String, String> labels = new LinkedHashMap<>();
        private boolean personal;
        private boolean composite;

        private Builder() {
        }

        public Builder server(CiServer value) {
            server = value;
            return this;
        }

        public Builder pipeline(Pipeline value) {
            pipeline = value;
            return this;
        }

        public Builder run(PipelineRun value) {
            run = value;
            return this;
        }

        public Builder result(HostResult value) {
            result = value;
            return this;
        }

        public Builder result(String raw, ResultHint... hints) {
            return result(HostResult.of(raw, hints));
        }

        public Builder statusText(String value) {
            statusText = value;
            return this;
        }

        public Builder queuedAt(Instant value) {
            queuedAt = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            finishedAt = value;
            return this;
        }

        public Builder trigger(Trigger value) {
            trigger = value;
            return this;
        }

        public Builder worker(Worker value) {
            worker = value;
            return this;
        }

        public Builder vcs(Vcs value) {
            vcs = value;
            return this;
        }

        public Builder commits(List<Commit> value) {
            commits = value;
            return this;
        }

        public Builder tests(TestCounts value) {
            tests = value;
            return this;
        }

        public Builder parameters(Map<String, String> value) {
            parameters = new LinkedHashMap<>(value);
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder deployment(DeploymentDeclaration value) {
            deployment = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = new LinkedHashMap<>(value);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder personal(boolean value) {
            personal = value;
            return this;
        }

        public Builder composite(boolean value) {
            composite = value;
            return this;
        }

        public BuildFacts build() {
            return new BuildFacts(server, pipeline, run, result, statusText, queuedAt, startedAt, finishedAt, trigger,
                    worker, vcs, commits, tests, parameters, deployment, labels, personal, composite);
        }
    }
}
