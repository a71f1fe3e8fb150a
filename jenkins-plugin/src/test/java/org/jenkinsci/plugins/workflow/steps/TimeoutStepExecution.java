// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package org.jenkinsci.plugins.workflow.steps;

import jenkins.model.CauseOfInterruption;

public class TimeoutStepExecution {
    public static class ExceededTimeout extends CauseOfInterruption {
        @Override
        public String getShortDescription() {
            return "Timeout has been exceeded";
        }
    }
}
