package io.buildanalytics.model.event;

import java.util.regex.Pattern;

/** Removes credentials from URLs before they are stored: {@code https://user:token@host/…} → {@code https://host/…}. */
public final class Urls {

    // Textual, not java.net.URI: a URL that URI refuses (a space in the password) must still lose its credentials.
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private Urls() {
    }

    public static String withoutCredentials(String url) {
        return url == null ? null : USER_INFO.matcher(url.strip()).replaceFirst("$1");
    }
}
