package hudson.security;

public interface AccessControlled {
    ACL getACL();

    default void checkPermission(Permission permission) {
        throw new UnsupportedOperationException("mirror");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("mirror");
    }
}
