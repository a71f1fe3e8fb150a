package io.buildanalytics.jenkins.history;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.buildanalytics.jenkins.HandMadeJenkins.Folder;
import io.buildanalytics.jenkins.HandMadeJenkins.TestJob;
import io.buildanalytics.jenkins.HandMadeJenkins.TestRun;
import io.buildanalytics.jenkins.facts.TestReaders;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A job's earlier builds as the derivations' history. */
class JobHistoryTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void earlierFinishedBuildsNewestFirstWithoutTheRunItself() {
        TestJob job = new TestJob(Folder.root(), "shop");
        job.build(Result.SUCCESS, START, 1000);
        job.build(Result.FAILURE, START.plusSeconds(60), 1000);
        job.build(Result.SUCCESS, START.plusSeconds(120), 1000);
        TestRun current = job.build(Result.SUCCESS, START.plusSeconds(180), 1000);

        History history = new JobHistory(current, TestReaders.standard());

        assertThat(history.pipelineRuns().map(f -> f.run().number())).containsExactly("3", "2", "1");
        assertThat(history.deploymentCandidates("shop", "production").map(f -> f.run().number()))
                .containsExactly("3", "2", "1");
        assertThat(JobHistory.of(job, 4, TestReaders.standard()).pipelineRuns().map(BuildFacts::outcome))
                .hasSize(3);
        assertThat(JobHistory.of(job, 99, TestReaders.standard()).pipelineRuns()).isEmpty();
        assertThat(JobHistory.of(null, 1, TestReaders.standard()).pipelineRuns()).isEmpty();
    }

    @Test
    void stopsAtItsDepthAndReadsLazily() {
        TestJob job = new TestJob(Folder.root(), "busy");
        for (int i = 0; i < JobHistory.MAX_DEPTH + 50; i++) {
            job.build(Result.SUCCESS, START.plusSeconds(i), 1000);
        }
        TestRun newest = job.getLastBuild();

        History history = new JobHistory(newest, TestReaders.standard());

        assertThat(history.pipelineRuns().count()).isEqualTo(JobHistory.MAX_DEPTH);
        assertThat(history.pipelineRuns().findFirst().orElseThrow().run().number())
                .isEqualTo(String.valueOf(JobHistory.MAX_DEPTH + 49));
    }
}
