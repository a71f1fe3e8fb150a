// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package hudson.plugins.git;

public class Branch {
    private final String name;

    public Branch(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
