// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package com.cloudbees.jenkins;

import hudson.triggers.SCMTrigger;

public class GitHubPushCause extends SCMTrigger.SCMTriggerCause {
    @Override
    public String getShortDescription() {
        return "Started by GitHub push by alice";
    }
}
