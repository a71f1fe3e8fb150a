package jetbrains.buildServer;

import jetbrains.buildServer.messages.Status;

public class StatusDescriptor {

    private final Status status;
    private final String text;

    public StatusDescriptor(Status status, String text) {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        this.status = status;
        this.text = text;
    }

    public Status getStatus() {
        return status;
    }

    public String getText() {
        return text;
    }
}
