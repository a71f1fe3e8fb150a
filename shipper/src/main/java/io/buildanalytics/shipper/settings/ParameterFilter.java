package io.buildanalytics.shipper.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which build parameters the admin allows into events: exact names or {@code *} wildcards, case-insensitive.
 * Nothing is allowed by default, and sensitive (password) parameters are never sent whatever the list says.
 */
public final class ParameterFilter {

    private static final Pattern VALID_ENTRY = Pattern.compile("[A-Za-z0-9_.*-]+");

    private final List<Pattern> allowed;

    private ParameterFilter(List<Pattern> allowed) {
        this.allowed = allowed;
    }

    public static ParameterFilter none() {
        return new ParameterFilter(List.of());
    }

    /** @param text names separated by commas, spaces or new lines, e.g. {@code DEPLOY_*, TARGET} */
    public static ParameterFilter parse(String text) {
        List<Pattern> allowed = new ArrayList<>();
        for (String entry : FieldRules.tokens(text)) {
            if (!VALID_ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("Parameter name '" + entry + "' is not allowed here: use letters, "
                        + "digits, '_', '-', '.' and '*' as a wildcard");
            }
            StringBuilder regex = new StringBuilder();
            for (char c : entry.toCharArray()) {
                regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
            }
            allowed.add(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
        }
        return new ParameterFilter(List.copyOf(allowed));
    }

    public boolean allows(String parameterName, boolean sensitive) {
        if (sensitive || parameterName == null) {
            return false;
        }
        for (Pattern pattern : allowed) {
            if (pattern.matcher(parameterName).matches()) {
                return true;
            }
        }
        return false;
    }
}
