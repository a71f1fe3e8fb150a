package jetbrains.buildServer.serverSide;

import jetbrains.buildServer.vcs.VcsRootInstance;

public class BuildRevision {

    private final VcsRootInstance root;
    private final String revision;

    public BuildRevision(VcsRootInstance root, String revision, String checkoutRules, String displayRevision) {
        if (root == null || revision == null || checkoutRules == null) {
            throw new IllegalArgumentException("root, revision and checkoutRules must not be null");
        }
        this.root = root;
        this.revision = revision;
    }

    public VcsRootInstance getRoot() {
        return root;
    }

    public String getRevision() {
        return revision;
    }
}
