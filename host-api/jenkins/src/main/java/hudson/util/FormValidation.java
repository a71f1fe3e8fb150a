package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return simple(Kind.ERROR, message);
    }

    public static FormValidation warning(String message) {
        return simple(Kind.WARNING, message);
    }

    public static FormValidation ok(String message) {
        return simple(Kind.OK, message);
    }

    public static FormValidation ok() {
        return simple(Kind.OK, null);
    }

    public abstract String renderHtml();

    private static FormValidation simple(Kind kind, String message) {
        return new FormValidation(kind, message) {
            @Override
            public String renderHtml() {
                return message == null ? "<div/>" : "<div>" + message + "</div>";
            }
        };
    }
}
