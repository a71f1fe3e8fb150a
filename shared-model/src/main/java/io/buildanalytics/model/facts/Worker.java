package io.buildanalytics.model.facts;

/**
 * The agent or node that executed the run.
 *
 * @param name name people know it by (Jenkins node name, "built-in" for the controller; TeamCity agent name)
 * @param id   a more stable id, if the host has one (TeamCity agent id)
 */
public record Worker(String name, String id) {

    public Worker {
        Checks.required(name, "Worker", "name", "the agent or node name");
        id = Checks.optional(id);
    }
}
