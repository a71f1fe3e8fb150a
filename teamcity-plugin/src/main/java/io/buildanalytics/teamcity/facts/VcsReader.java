package io.buildanalytics.teamcity.facts;

import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.Vcs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jetbrains.buildServer.serverSide.Branch;
import jetbrains.buildServer.serverSide.BuildRevision;
import jetbrains.buildServer.serverSide.SBuild;
import jetbrains.buildServer.vcs.SVcsModification;
import jetbrains.buildServer.vcs.VcsRootInstance;

/**
 * The version-control facts of a build: its first VCS root's revision and repository, its branch (TeamCity's
 * logical branch, with the default-branch flag), pull-request details from the Pull Requests build feature's
 * parameters, and the changes new in the build with their commit dates.
 */
final class VcsReader {

    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";

    private VcsReader() {
    }

    static Vcs vcs(SBuild build, Map<String, String> parameters) {
        BuildRevision revision = first(build.getRevisions());
        VcsRootInstance root = revision == null ? null : revision.getRoot();
        String url = root == null ? null : root.getProperty("url");
        String rootBranch = root == null ? null : root.getProperty("branch");
        Branch branch = build.getBranch();
        String refName;
        RefType refType;
        Boolean defaultBranch;
        if (branch != null) {
            String logical = branch.getName();
            refName = shortName(logical != null && logical.startsWith(TAGS) ? logical : branch.getDisplayName());
            refType = logical != null && logical.startsWith(TAGS) ? RefType.TAG : RefType.BRANCH;
            defaultBranch = branch.isDefaultBranch();
            if (defaultBranch && (refName == null || refName.startsWith("<"))) {
                // "<default>": a configuration without branch specification builds the root's branch.
                refName = shortName(rootBranch);
            }
        } else {
            refName = shortName(rootBranch);
            refType = rootBranch != null && rootBranch.startsWith(TAGS) ? RefType.TAG : RefType.BRANCH;
            defaultBranch = null;
        }
        String changeId = blankToNull(parameters.get("teamcity.pullRequest.number"));
        return new Vcs(url, revision == null ? null : revision.getRevision(), refName, refName == null ? null : refType,
                defaultBranch, changeId == null ? null : shortName(parameters.get("teamcity.pullRequest.target.branch")),
                null, changeId, changeId == null ? null : parameters.get("teamcity.pullRequest.title"));
    }

    /** The changes new in this build, newest first as TeamCity lists them, with their commit (VCS) dates. */
    static List<Commit> commits(SBuild build) {
        List<SVcsModification> changes = build.getContainingChanges();
        if (changes == null) {
            return List.of();
        }
        List<Commit> commits = new ArrayList<>(changes.size());
        for (SVcsModification change : changes) {
            if (change == null || change.getVersion() == null) {
                continue;
            }
            Date date = change.getVcsDate();
            commits.add(new Commit(change.getVersion(), date == null ? null : Instant.ofEpochMilli(date.getTime())));
        }
        return commits;
    }

    private static String shortName(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith(HEADS)) {
            return ref.substring(HEADS.length());
        }
        return ref.startsWith(TAGS) ? ref.substring(TAGS.length()) : ref;
    }

    private static <T> T first(List<T> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
