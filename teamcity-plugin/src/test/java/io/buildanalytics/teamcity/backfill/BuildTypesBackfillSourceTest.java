package io.buildanalytics.teamcity.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuild;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuildType;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestProject;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.facts.TestReaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jetbrains.buildServer.messages.Status;
import org.junit.jupiter.api.Test;

/** TeamCity's history as the shared backfill reads it. */
class BuildTypesBackfillSourceTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void configurationsByFullNameAndTheirBuildsNewestFirstUntilTheCutOff() {
        TestProject shop = new TestProject("Shop", "Shop");
        TestBuildType build = new TestBuildType(shop, "Shop_Build", "Build");
        TestBuildType deploy = new TestBuildType(shop, "Shop_Deploy", "Deploy", 5000);
        List<TestBuild> days = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            TestBuild b = build.build(Status.NORMAL, START.plusSeconds(86_400L * day), 60);
            if (day == 8) {
                b.broken(new IllegalStateException("record lost"));
            }
            build.finished(b);
            days.add(b);
        }
        BuildTypesBackfillSource source = new BuildTypesBackfillSource(new TestServer().type(build).type(deploy),
                TestReaders.standard());

        List<String> ids = new ArrayList<>();
        source.runs("Shop :: Build", START.plusSeconds(86_400L * 6)).forEachRemaining(f -> ids.add(f.run().id()));

        assertThat(source.pipelines()).containsExactly("Shop :: Build", "Shop :: Deploy");
        assertThat(source.pipelineNoun()).isEqualTo("build configurations");
        assertThat(ids).containsExactly(id(days.get(9)), id(days.get(7)), id(days.get(6)));
        assertThat(source.runs("Shop :: Deploy", Instant.EPOCH).hasNext()).isFalse();
        assertThat(source.runs("Gone :: Build", Instant.EPOCH).hasNext()).isFalse();
    }

    private static String id(TestBuild build) {
        return String.valueOf(build.getBuildId());
    }
}
