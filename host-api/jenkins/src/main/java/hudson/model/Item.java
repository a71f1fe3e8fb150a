package hudson.model;

import hudson.security.AccessControlled;

public interface Item extends ModelObject, AccessControlled {
    ItemGroup<? extends Item> getParent();

    String getName();

    String getFullName();

    String getFullDisplayName();

    String getUrl();
}
