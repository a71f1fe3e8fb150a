// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package jenkins.branch;

import jenkins.scm.api.SCMHead;

public class Branch {
    private final SCMHead head;

    public Branch(SCMHead head) {
        this.head = head;
    }

    public SCMHead getHead() {
        return head;
    }
}
