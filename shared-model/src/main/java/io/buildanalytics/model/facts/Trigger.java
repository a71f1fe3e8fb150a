package io.buildanalytics.model.facts;

/**
 * Why the run started and who started it.
 *
 * @param type        classified cause
 * @param userName    the user who triggered it, if a user did and the admin allows sending user names
 * @param description the host's short description ("Started by user alice", "Triggered by VCS"), if any
 */
public record Trigger(TriggerType type, String userName, String description) {

    public Trigger {
        Checks.required(type, "Trigger", "type", "the classified cause");
        userName = Checks.optional(userName);
        description = Checks.optional(description);
    }

    public static Trigger of(TriggerType type) {
        return new Trigger(type, null, null);
    }
}
