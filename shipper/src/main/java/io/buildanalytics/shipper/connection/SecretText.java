package io.buildanalytics.shipper.connection;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password, key or token. Its {@code toString} never shows it, so it cannot leak through a log line, an
 * exception message or a status page by accident; only {@link #reveal()} gives the text, at the point of use.
 */
public final class SecretText {

    private final char[] value;

    private SecretText(char[] value) {
        this.value = value;
    }

    public static SecretText of(String value) {
        Objects.requireNonNull(value, "value");
        return new SecretText(value.toCharArray());
    }

    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretText secret && Arrays.equals(value, secret.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "******";
    }
}
