package io.buildanalytics.model.derive;

import java.util.Locale;

/**
 * A run classified as a deployment attempt (any outcome).
 *
 * @param service     service deployed
 * @param environment normalised environment
 * @param production  whether the environment counts as production
 * @param version     declared version, or null (the revision then identifies what was deployed)
 * @param detection   how it was recognised
 * @param rule        which declaration or pattern decided
 */
public record Deployment(String service, String environment, boolean production, String version,
                         Detection detection, String rule) {

    /** {@code dora.deployment.detection}. */
    public enum Detection {
        EXPLICIT, PARAMETER, PIPELINE_PATTERN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
