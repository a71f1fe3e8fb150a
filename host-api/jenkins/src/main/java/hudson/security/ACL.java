package hudson.security;

import java.lang.reflect.Constructor;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final Authentication SYSTEM2 = null;

    public static ACLContext as2(Authentication auth) {
        return newContext();
    }

    private static ACLContext newContext() {
        try {
            Constructor<ACLContext> c = ACLContext.class.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mirror: cannot create an ACLContext", e);
        }
    }
}
