package io.buildanalytics.model.event;

/**
 * Makes host strings safe and bounded for a document: control characters become spaces (a job name with a
 * newline or NUL must not break a dashboard table), unpaired surrogates become U+FFFD (they cannot be encoded as
 * UTF-8), and long values are cut, ending in "…", without splitting a character.
 */
final class Text {

    static final char ELLIPSIS = '…';

    private Text() {
    }

    /** @return the cleaned value, or null when nothing printable is left */
    static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String cleaned = replaceUnsafe(value).strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return truncate(cleaned, maxLength);
    }

    private static String truncate(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return value;
        }
        int end = maxLength - 1;
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + ELLIPSIS;
    }

    private static String replaceUnsafe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char replacement = c;
            if (Character.isISOControl(c)) {
                replacement = ' ';
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = '\uFFFD';
            } else if (Character.isLowSurrogate(c)) {
                replacement = '\uFFFD';
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? value : out.toString();
    }
}
