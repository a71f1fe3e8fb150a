package io.buildanalytics.shipper.connection;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The rules every server URL the project is given must meet, with messages that name which URL is meant. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * Refuses what no HTTP client here should be handed: another scheme, no host, credentials in the URL (they would
     * end up in logs), a query or fragment.
     *
     * @param what how messages name the URL, e.g. {@code "Engine URL"}
     */
    public static void check(URI url, String what) {
        Objects.requireNonNull(url, what);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(what + " must start with http:// or https://, not '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException(what + " has no host name: '" + url + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Put credentials in the credentials field, not in the URL");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not have a query or fragment: '" + url + "'");
        }
    }
}
