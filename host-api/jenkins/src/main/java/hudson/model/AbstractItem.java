package hudson.model;

import hudson.security.ACL;
import java.io.IOException;
import jenkins.model.Loadable;

public abstract class AbstractItem extends Actionable implements Loadable, Item {

    private final ItemGroup parent;
    protected transient String name;

    protected AbstractItem(ItemGroup parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    @Override
    public final String getFullName() {
        String n = parent.getFullName();
        return n.isEmpty() ? name : n + '/' + name;
    }

    @Override
    public final String getFullDisplayName() {
        String n = parent.getFullDisplayName();
        return n.isEmpty() ? getDisplayName() : n + " » " + getDisplayName();
    }

    @Override
    public final String getUrl() {
        return parent.getUrl() + "job/" + name + '/';
    }

    @Override
    public ItemGroup getParent() {
        return parent;
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("mirror");
    }

    @Override
    public void load() throws IOException {
    }
}
