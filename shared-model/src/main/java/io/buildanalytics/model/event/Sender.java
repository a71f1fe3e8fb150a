package io.buildanalytics.model.event;

/**
 * Who writes the events: ECS {@code agent.type} and {@code agent.version}.
 *
 * @param type    {@code jenkins-plugin}, {@code teamcity-plugin}, {@code cli}
 * @param version that sender's version, if known
 */
public record Sender(String type, String version) {

    public Sender {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("Sender.type must not be blank (jenkins-plugin, teamcity-plugin, cli)");
        }
    }
}
