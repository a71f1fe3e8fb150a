package io.buildanalytics.model.facts;

/**
 * Version-control facts of the run. Every part is optional: a run without SCM has none.
 *
 * @param repositoryUrl  the repository as the host knows it (any git URL form; credentials are stripped and the
 *                       URL canonicalised when the event is built)
 * @param revision       the revision that was built
 * @param refName        branch or tag name
 * @param refType        whether {@code refName} is a branch or a tag
 * @param defaultBranch  whether {@code refName} is the repository's default branch, if the host knows
 * @param baseRefName    pull request: target branch
 * @param baseRevision   pull request: target revision
 * @param changeId       pull request / merge request number; its presence marks a pull-request run
 * @param changeTitle    pull request title
 */
public record Vcs(String repositoryUrl, String revision, String refName, RefType refType, Boolean defaultBranch,
                  String baseRefName, String baseRevision, String changeId, String changeTitle) {

    public Vcs {
        repositoryUrl = Checks.optional(repositoryUrl);
        revision = Checks.optional(revision);
        refName = Checks.optional(refName);
        if (refType == null && refName != null) {
            refType = RefType.BRANCH;
        }
        baseRefName = Checks.optional(baseRefName);
        baseRevision = Checks.optional(baseRevision);
        changeId = Checks.optional(changeId);
        changeTitle = Checks.optional(changeTitle);
    }

    /** Only the things most runs have; the rest can be set through the canonical constructor. */
    public static Vcs of(String repositoryUrl, String revision, String branch) {
        return new Vcs(repositoryUrl, revision, branch, null, null, null, null, null, null);
    }

    public boolean isPullRequest() {
        return changeId != null;
    }
}
