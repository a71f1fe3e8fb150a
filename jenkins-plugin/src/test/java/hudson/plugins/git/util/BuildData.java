// Test stand-in for a class of an optional plugin (or a core class the mirror leaves out): same name and getters, so
// the plugin, which reads it by name, can be tested without that plugin.
package hudson.plugins.git.util;

import hudson.model.Action;
import hudson.plugins.git.Revision;
import java.util.LinkedHashSet;
import java.util.Set;

public class BuildData implements Action {
    private final Revision lastBuiltRevision;
    private final Set<String> remoteUrls = new LinkedHashSet<>();

    public BuildData(Revision lastBuiltRevision, String... remoteUrls) {
        this.lastBuiltRevision = lastBuiltRevision;
        this.remoteUrls.addAll(Set.of(remoteUrls));
    }

    public Revision getLastBuiltRevision() {
        return lastBuiltRevision;
    }

    public Set<String> getRemoteUrls() {
        return remoteUrls;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Git Build Data";
    }

    @Override
    public String getUrlName() {
        return "git";
    }
}
