// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package jenkins.branch;

public class BranchJobProperty {
    private final Branch branch;

    public BranchJobProperty(Branch branch) {
        this.branch = branch;
    }

    public Branch getBranch() {
        return branch;
    }
}
