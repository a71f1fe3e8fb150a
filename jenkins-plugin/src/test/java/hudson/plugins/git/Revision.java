// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package hudson.plugins.git;

import java.util.Collection;
import java.util.List;

public class Revision {
    private final String sha1;
    private final List<Branch> branches;

    public Revision(String sha1, Branch... branches) {
        this.sha1 = sha1;
        this.branches = List.of(branches);
    }

    public String getSha1String() {
        return sha1;
    }

    public Collection<Branch> getBranches() {
        return branches;
    }
}
