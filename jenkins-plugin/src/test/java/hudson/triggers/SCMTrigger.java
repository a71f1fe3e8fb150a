// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package hudson.triggers;

import hudson.model.Cause;

public class SCMTrigger {
    public static class SCMTriggerCause extends Cause {
        @Override
        public String getShortDescription() {
            return "Started by an SCM change";
        }
    }
}
