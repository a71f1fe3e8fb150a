// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package jenkins.scm.api;

import hudson.model.InvisibleAction;

public class SCMRevisionAction extends InvisibleAction {
    private final Object revision;

    public SCMRevisionAction(Object revision) {
        this.revision = revision;
    }

    public Object getRevision() {
        return revision;
    }

    /** A git branch revision ({@code AbstractGitSCMSource.SCMRevisionImpl} has {@code getHash()}). */
    public static final class GitRevision {
        private final String hash;

        public GitRevision(String hash) {
            this.hash = hash;
        }

        public String getHash() {
            return hash;
        }
    }
}
