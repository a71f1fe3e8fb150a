package io.buildanalytics.teamcity.history;

import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.teamcity.facts.BuildReader;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jetbrains.buildServer.serverSide.Branch;
import jetbrains.buildServer.serverSide.SBuildType;
import jetbrains.buildServer.serverSide.SFinishedBuild;

/**
 * A build's earlier builds in the same build configuration and on the same branch, newest first, read lazily
 * from {@link SBuildType#getHistory()} so derivations load only the records they need. Personal builds are left
 * out: they are one developer's trial runs, not the branch's history.
 */
public final class BuildTypeHistory implements History {

    /** How many earlier builds derivations may use; enough for streaks and lead times. */
    public static final int MAX_DEPTH = 500;
    /** How many history entries may be passed over looking for them (other branches, personal builds). */
    static final int MAX_SCANNED = 20 * MAX_DEPTH;

    private final SBuildType buildType;
    private final BuildFacts current;
    private final BuildReader reader;

    public BuildTypeHistory(SBuildType buildType, BuildFacts current, BuildReader reader) {
        this.buildType = buildType;
        this.current = current;
        this.reader = reader;
    }

    @Override
    public Stream<BuildFacts> pipelineRuns() {
        Instant finishedAt = current.finishedAt();
        long currentId = Long.parseLong(current.run().id());
        HistoryEntries earlier = new HistoryEntries(buildType.getHistory(), reader, build -> {
            if (build.getBuildId() == currentId || build.isPersonal() || !sameBranch(build, current)) {
                return HistoryEntries.Verdict.PASS_OVER;
            }
            Date finish = build.getFinishDate();
            // Finished after the derived build (a backfill reads old builds): not its history.
            return finish != null && finish.toInstant().isBefore(finishedAt) ? HistoryEntries.Verdict.READ
                    : HistoryEntries.Verdict.PASS_OVER;
        }, MAX_DEPTH, MAX_SCANNED);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(earlier, Spliterator.ORDERED), false);
    }

    /** The same configuration's builds: a configuration that deploys a service is where its deployments are. */
    @Override
    public Stream<BuildFacts> deploymentCandidates(String service, String environment) {
        return pipelineRuns();
    }

    /** Whether an entry of the configuration's history belongs to the derived build's branch. */
    static boolean sameBranch(SFinishedBuild build, BuildFacts current) {
        String branch = current.vcs() == null ? null : current.vcs().refName();
        Branch other = build.getBranch();
        if (other == null) {
            return true;
        }
        if (other.isDefaultBranch() && Boolean.TRUE.equals(current.vcs() == null ? null : current.vcs().defaultBranch())) {
            return true;
        }
        return Objects.equals(other.getDisplayName(), branch);
    }
}
