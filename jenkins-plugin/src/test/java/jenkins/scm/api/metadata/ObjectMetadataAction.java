// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package jenkins.scm.api.metadata;

import hudson.model.InvisibleAction;

public class ObjectMetadataAction extends InvisibleAction {
    private final String displayName;

    public ObjectMetadataAction(String displayName) {
        this.displayName = displayName;
    }

    public String getObjectDisplayName() {
        return displayName;
    }
}
