package io.buildanalytics.jenkins.facts;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.Vcs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jenkins.scm.RunWithSCM;

/**
 * Reads what version control says about a run: commits from the run's change sets (core API, every SCM), and
 * revision, branch and repository from the git plugin's build data and, for multibranch jobs, from branch-api's
 * branch property and scm-api's revision action. Everything beyond core is optional and read by name.
 */
final class ScmReader {

    static final String GIT_BUILD_DATA = "hudson.plugins.git.util.BuildData";
    static final String SCM_REVISION_ACTION = "jenkins.scm.api.SCMRevisionAction";
    static final String BRANCH_JOB_PROPERTY = "jenkins.branch.BranchJobProperty";
    static final String CHANGE_REQUEST_HEAD = "jenkins.scm.api.mixin.ChangeRequestSCMHead";
    static final String TAG_HEAD = "jenkins.scm.api.mixin.TagSCMHead";
    static final String PRIMARY_INSTANCE = "jenkins.scm.api.metadata.PrimaryInstanceMetadataAction";
    static final String OBJECT_METADATA = "jenkins.scm.api.metadata.ObjectMetadataAction";

    private ScmReader() {
    }

    /** Commits in change-set order; entries without an id (SCMs that have none) are left out. */
    static List<Commit> commits(Run<?, ?> run) {
        List<Commit> commits = new ArrayList<>();
        if (!(run instanceof RunWithSCM<?, ?> withScm)) {
            return commits;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ChangeLogSet<? extends ChangeLogSet.Entry> changeSet : withScm.getChangeSets()) {
            for (ChangeLogSet.Entry entry : changeSet) {
                String id = entry.getCommitId();
                if (id == null || id.isBlank() || !seen.add(id)) {
                    continue;
                }
                long timestamp = entry.getTimestamp();
                commits.add(new Commit(id, timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null));
            }
        }
        return commits;
    }

    static Vcs vcs(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        Object head = branchHead(job);
        String revision = revisionFromScmApi(run).orElse(null);
        Object buildData = gitBuildData(run, revision);
        if (revision == null) {
            revision = Reflection.call(buildData, "getLastBuiltRevision")
                    .flatMap(r -> Reflection.string(r, "getSha1String")).orElse(null);
        }
        String repository = Reflection.call(buildData, "getRemoteUrls")
                .filter(Collection.class::isInstance).map(c -> (Collection<?>) c)
                .flatMap(urls -> urls.stream().map(String::valueOf).findFirst()).orElse(null);

        String refName = null;
        RefType refType = null;
        String changeId = null;
        String baseRef = null;
        String changeTitle = null;
        Boolean defaultBranch = null;
        if (head != null) {
            refName = Reflection.string(head, "getName").orElse(null);
            if (Reflection.isA(head, CHANGE_REQUEST_HEAD)) {
                changeId = Reflection.string(head, "getId").orElse(null);
                baseRef = Reflection.call(head, "getTarget").flatMap(t -> Reflection.string(t, "getName"))
                        .orElse(null);
                changeTitle = actionOf(job, OBJECT_METADATA)
                        .flatMap(a -> Reflection.string(a, "getObjectDisplayName")).orElse(null);
            }
            refType = Reflection.isA(head, TAG_HEAD) ? RefType.TAG : RefType.BRANCH;
            defaultBranch = changeId == null ? actionOf(job, PRIMARY_INSTANCE).isPresent() : Boolean.FALSE;
        } else {
            refName = Reflection.call(buildData, "getLastBuiltRevision").flatMap(ScmReader::firstBranchName)
                    .map(ScmReader::withoutRemotePrefix).orElse(null);
        }
        if (repository == null && revision == null && refName == null) {
            return null;
        }
        return new Vcs(repository, revision, refName, refType, defaultBranch, baseRef, null, changeId, changeTitle);
    }

    /** The multibranch head (branch, pull request or tag) the job was made for, if it is a branch job. */
    private static Object branchHead(Job<?, ?> job) {
        Optional<Object> properties = Reflection.call(job, "getProperties");
        if (properties.isEmpty() || !(properties.get() instanceof Map<?, ?> map)) {
            return null;
        }
        for (Object property : map.values()) {
            if (Reflection.isA(property, BRANCH_JOB_PROPERTY)) {
                return Reflection.call(property, "getBranch").flatMap(b -> Reflection.call(b, "getHead"))
                        .orElse(null);
            }
        }
        return null;
    }

    /** The revision branch-api checked out: the pull request's head for a PR, the branch's hash otherwise. */
    private static Optional<String> revisionFromScmApi(Run<?, ?> run) {
        return actionOf(run, SCM_REVISION_ACTION).flatMap(a -> Reflection.call(a, "getRevision"))
                .flatMap(r -> Reflection.string(r, "getPullHash").or(() -> Reflection.string(r, "getHash")));
    }

    /**
     * The git build data of the checked-out project. A Pipeline also records data for each shared library it
     * loaded, so the one that built the known revision wins, then the first one.
     */
    private static Object gitBuildData(Run<?, ?> run, String revision) {
        Object first = null;
        for (Action action : run.getAllActions()) {
            if (!Reflection.isA(action, GIT_BUILD_DATA)) {
                continue;
            }
            if (first == null) {
                first = action;
            }
            String built = Reflection.call(action, "getLastBuiltRevision")
                    .flatMap(r -> Reflection.string(r, "getSha1String")).orElse(null);
            if (revision != null && revision.equals(built)) {
                return action;
            }
        }
        return first;
    }

    private static Optional<Object> firstBranchName(Object gitRevision) {
        return Reflection.call(gitRevision, "getBranches").filter(Collection.class::isInstance)
                .flatMap(branches -> ((Collection<?>) branches).stream().findFirst())
                .flatMap(branch -> Reflection.call(branch, "getName"));
    }

    /** "origin/main", "refs/remotes/origin/main" and "refs/heads/main" all name the branch "main". */
    static String withoutRemotePrefix(Object name) {
        String text = String.valueOf(name);
        if (text.startsWith("refs/heads/")) {
            return text.substring("refs/heads/".length());
        }
        if (text.startsWith("refs/remotes/")) {
            text = text.substring("refs/remotes/".length());
        }
        int slash = text.indexOf('/');
        return slash > 0 ? text.substring(slash + 1) : text;
    }

    private static Optional<Object> actionOf(hudson.model.Actionable actionable, String className) {
        try {
            for (Action action : actionable.getAllActions()) {
                if (Reflection.isA(action, className)) {
                    return Optional.of(action);
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
