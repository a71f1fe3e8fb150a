package jetbrains.buildServer.messages;

import java.io.Serializable;

public final class Status implements Serializable {

    public static final Status UNKNOWN = new Status(0, "UNKNOWN");
    public static final Status NORMAL = new Status(1, "NORMAL");
    public static final Status WARNING = new Status(2, "WARNING");
    public static final Status FAILURE = new Status(3, "FAILURE");
    public static final Status ERROR = new Status(4, "ERROR");

    private final int priority;
    private final String debugName;

    private Status(int priority, String debugName) {
        this.priority = priority;
        this.debugName = debugName;
    }

    public String getText() {
        return this == NORMAL ? "SUCCESS" : debugName;
    }

    public boolean isSuccessful() {
        return priority <= WARNING.priority && this != UNKNOWN;
    }

    public boolean isFailed() {
        return priority > WARNING.priority;
    }

    @Override
    public String toString() {
        return debugName;
    }
}
