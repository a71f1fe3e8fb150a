package io.buildanalytics.model.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.model.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFactsTest {

    private static BuildFacts.Builder valid() {
        return Fixtures.jenkins("shop/build", 1, "SUCCESS", Fixtures.T0);
    }

    @Test
    void missingIdentityIsRefusedWithTheFieldsName() {
        assertThatThrownBy(() -> valid().server(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BuildFacts.server");
        assertThatThrownBy(() -> new Pipeline(" ", "name", null, null))
                .hasMessageContaining("Pipeline.id must not be blank");
        assertThatThrownBy(() -> new PipelineRun(null, "1", null)).hasMessageContaining("PipelineRun.id");
        assertThatThrownBy(() -> valid().finishedAt(null).build()).hasMessageContaining("BuildFacts.finishedAt");
        assertThatThrownBy(() -> new CiServer(CiProvider.JENKINS, null, null, "", "x", null))
                .hasMessageContaining("CiServer.id");
    }

    @Test
    void aResultWordTheProviderCannotHaveIsRefused() {
        CiServer generic = new CiServer(CiProvider.GENERIC, "GitLab CI", null, "gitlab-1", "gitlab", null);
        assertThatThrownBy(() -> valid().server(generic).result("PURPLE").build())
                .hasMessageContaining("Unknown result 'PURPLE'");
        assertThat(valid().server(generic).result("passed").build().pipelineResult()).isEqualTo(PipelineResult.SUCCESS);
    }

    @Test
    void labelKeysMustBeFieldNameSafe() {
        assertThatThrownBy(() -> valid().label("team.name", "x").build())
                .hasMessageContaining("labels key 'team.name'").hasMessageContaining("no dots");
        assertThat(valid().label("team_name-2", "x").build().labels()).containsEntry("team_name-2", "x");
    }

    @Test
    void impossibleTestCountsAreRefused() {
        assertThatThrownBy(() -> new TestCounts(2, 2, 1, 0)).hasMessageContaining("exceeds total");
        assertThatThrownBy(() -> new TestCounts(-1, 0, 0, 0)).hasMessageContaining("must not be negative");
    }

    @Test
    void nullEntriesInListsAndMapsAreRefused() {
        List<Commit> commits = Arrays.asList(new Commit("a", null), null);
        assertThatThrownBy(() -> valid().commits(commits).build()).hasMessageContaining("BuildFacts.commits[1]");
        assertThatThrownBy(() -> valid().parameter("X", null).build()).hasMessageContaining("parameters[X]");
    }

    @Test
    void factsDoNotChangeWhenTheCallersCollectionsDo() {
        List<Commit> commits = new ArrayList<>(List.of(new Commit("a", null)));
        BuildFacts facts = valid().commits(commits).build();
        commits.add(new Commit("b", null));

        assertThat(facts.commits()).hasSize(1);
        assertThatThrownBy(() -> facts.commits().add(new Commit("c", null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankOptionalValuesMeanAbsent() {
        Vcs vcs = Vcs.of(" ", "", "main");
        assertThat(vcs.repositoryUrl()).isNull();
        assertThat(vcs.revision()).isNull();
        assertThat(vcs.refType()).isEqualTo(RefType.BRANCH);
        assertThat(new Pipeline("id", " ", null, null).name()).isEqualTo("id");
    }
}
