package hudson.security;

public class ACLContext implements AutoCloseable {

    // The real (package-private) constructor takes a Spring SecurityContext, which this mirror does not model.
    // This one is private so plugin code cannot link against it; ACL.as2 reaches it reflectively.
    private ACLContext() {
    }

    @Override
    public void close() {
    }
}
