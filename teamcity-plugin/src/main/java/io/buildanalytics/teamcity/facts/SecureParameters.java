package io.buildanalytics.teamcity.facts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parameters that must never leave TeamCity, whatever the allow-list says. The OpenAPI gives a build's resolved
 * parameters without their type specification, so a password parameter is recognised by what TeamCity stores for
 * it (a scrambled {@code zxx…} value or a {@code credentialsJSON:} token reference) and by names that say secret.
 */
final class SecureParameters {

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(password|passwd|secret|token|api[._-]?key|credential|private[._-]?key).*");

    private SecureParameters() {
    }

    static boolean isSecure(String name, String value) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("secure:") || SECRET_NAME.matcher(lower).matches()) {
            return true;
        }
        return value != null && (value.startsWith("credentialsJSON:") || value.startsWith("%secure:")
                || (value.startsWith("zxx") && value.length() > 3 && value.substring(3).matches("[0-9a-f]+")));
    }
}
