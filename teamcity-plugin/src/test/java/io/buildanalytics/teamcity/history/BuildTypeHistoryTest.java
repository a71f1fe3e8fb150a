package io.buildanalytics.teamcity.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuild;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuildType;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestProject;
import io.buildanalytics.teamcity.facts.BuildReader;
import io.buildanalytics.teamcity.facts.TestReaders;
import java.time.Instant;
import java.util.List;
import jetbrains.buildServer.messages.Status;
import org.junit.jupiter.api.Test;

/** A build's history: same configuration, same branch, earlier, no personal builds, bounded. */
class BuildTypeHistoryTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private final BuildReader reader = TestReaders.standard();
    private final TestBuildType type = new TestBuildType(new TestProject("Shop", "Shop"), "Shop_Build", "Build");

    private TestBuild onBranch(int minutes, String branch, boolean isDefault) {
        return type.build(Status.NORMAL, START.plusSeconds(60L * minutes), 30)
                .branch(isDefault ? "<default>" : "refs/heads/" + branch, isDefault ? "<default>" : branch, isDefault)
                .revision("https://git/shop.git", "refs/heads/main", "r" + minutes);
    }

    @Test
    void earlierBuildsOfTheSameBranchNewestFirstWithoutPersonalOrLaterOnes() {
        TestBuild first = onBranch(0, "main", true);
        TestBuild feature = onBranch(10, "feature/x", false);
        TestBuild personal = onBranch(20, "main", true).personal(true);
        TestBuild second = onBranch(30, "main", true);
        TestBuild current = onBranch(40, "main", true);
        TestBuild later = onBranch(50, "main", true);
        for (TestBuild build : List.of(first, feature, personal, second, current, later)) {
            type.finished(build);
        }
        BuildFacts facts = reader.read(current, null).orElseThrow();

        List<String> ids = new BuildTypeHistory(type, facts, reader).pipelineRuns().map(f -> f.run().id()).toList();

        assertThat(ids).containsExactly(String.valueOf(second.getBuildId()), String.valueOf(first.getBuildId()));
    }

    @Test
    void theHistoryStopsAtItsDepthAndPassesOverUnreadableBuilds() {
        for (int i = 0; i < BuildTypeHistory.MAX_DEPTH + 20; i++) {
            TestBuild build = onBranch(i, "main", true);
            if (i == 3) {
                build.broken(new IllegalStateException("record lost"));
            }
            type.finished(build);
        }
        TestBuild current = onBranch(10_000, "main", true);
        type.finished(current);
        BuildFacts facts = reader.read(current, null).orElseThrow();

        assertThat(new BuildTypeHistory(type, facts, reader).pipelineRuns().count())
                .isEqualTo(BuildTypeHistory.MAX_DEPTH);
        assertThat(new BuildTypeHistory(type, facts, reader).deploymentCandidates("shop", "production").limit(3)
                .count()).isEqualTo(3);
    }
}
