// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package org.jenkinsci.plugins.workflow.cps.replay;

import hudson.model.Cause;

public class ReplayCause extends Cause {
    @Override
    public String getShortDescription() {
        return "Replayed #1";
    }
}
