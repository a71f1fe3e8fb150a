package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;

public class CredentialsMatchers {

    private CredentialsMatchers() {
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        return item -> clazz.isInstance(item);
    }

    public static CredentialsMatcher withId(String id) {
        return item -> item instanceof IdCredentials && id.equals(((IdCredentials) item).getId());
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        return item -> {
            for (CredentialsMatcher m : matchers) {
                if (m.matches(item)) {
                    return true;
                }
            }
            return false;
        };
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        for (C c : credentials) {
            if (matcher.matches(c)) {
                return c;
            }
        }
        return null;
    }
}
