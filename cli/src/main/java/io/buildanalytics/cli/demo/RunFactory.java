package io.buildanalytics.cli.demo;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.Vcs;
import io.buildanalytics.model.facts.Worker;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the facts each host's adapter would report for a run: Jenkins jobs in folders with per-job build numbers,
 * TeamCity build configurations with server-wide build ids and declared deployments.
 */
final class RunFactory {

    private final SplittableRandom random;
    private final Map<String, Integer> jenkinsNumbers = new HashMap<>();
    private final Map<String, Integer> teamCityNumbers = new HashMap<>();
    private long teamCityBuildId = 48_000;

    RunFactory(SplittableRandom random) {
        this.random = random;
    }

    /** What a run is, apart from which server and pipeline ran it. */
    record Run(String result, Instant queuedAt, Instant startedAt, Instant finishedAt, Trigger trigger, Vcs vcs,
               List<Commit> commits, TestCounts tests) {
    }

    BuildFacts jenkins(String job, Run run) {
        int number = jenkinsNumbers.merge(job, 1, Integer::sum);
        int slash = job.lastIndexOf('/');
        String folder = slash < 0 ? null : job.substring(0, slash);
        String jobUrl = DemoHistory.JENKINS.url() + "job/" + job.replace("/", "/job/") + "/";
        String agent = "linux-agent-" + (1 + random.nextInt(4));
        return common(run)
                .server(DemoHistory.JENKINS)
                .pipeline(new Pipeline(job, job.replace("/", " » "), folder, jobUrl))
                .run(new PipelineRun(job + "#" + number, String.valueOf(number), jobUrl + number + "/"))
                .worker(new Worker(agent, agent))
                .build();
    }

    BuildFacts teamCity(String project, String configurationId, String configurationName, Run run,
                        DeploymentDeclaration deployment, boolean personal) {
        long buildId = ++teamCityBuildId;
        int number = teamCityNumbers.merge(configurationId, 1, Integer::sum);
        String agent = "tc-agent-0" + (1 + random.nextInt(3));
        return common(run)
                .server(DemoHistory.TEAMCITY)
                .pipeline(new Pipeline(configurationId, project + " / " + configurationName, project,
                        DemoHistory.TEAMCITY.url() + "buildConfiguration/" + configurationId))
                .run(new PipelineRun(String.valueOf(buildId), String.valueOf(number),
                        DemoHistory.TEAMCITY.url() + "buildConfiguration/" + configurationId + "/" + buildId))
                .worker(new Worker(agent, agent))
                .deployment(deployment)
                .personal(personal)
                .build();
    }

    private static BuildFacts.Builder common(Run run) {
        return BuildFacts.builder()
                .result(run.result())
                .queuedAt(run.queuedAt())
                .startedAt(run.startedAt())
                .finishedAt(run.finishedAt())
                .trigger(run.trigger())
                .vcs(run.vcs())
                .commits(run.commits())
                .tests(run.tests());
    }

    /** A git-like 40-digit revision id. */
    String revision() {
        return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
    }
}
