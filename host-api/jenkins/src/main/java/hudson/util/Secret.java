package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public static String toString(Secret s) {
        return s == null ? "" : s.value;
    }

    public String getPlainText() {
        return value;
    }
}
