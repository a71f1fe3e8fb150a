// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package hudson.tasks.test;

import hudson.model.Action;

public abstract class AbstractTestResultAction implements Action {
    public abstract int getFailCount();

    public abstract int getTotalCount();

    public int getSkipCount() {
        return 0;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Test Result";
    }

    @Override
    public String getUrlName() {
        return "testReport";
    }
}
