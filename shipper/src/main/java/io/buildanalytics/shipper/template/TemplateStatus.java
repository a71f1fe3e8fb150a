package io.buildanalytics.shipper.template;

/**
 * The index template in the engine compared with the one this shipper carries.
 *
 * @param state            how they compare
 * @param engineVersion    schema version of the engine's template, 0 when there is none
 * @param shipperVersion   schema version this shipper writes
 */
public record TemplateStatus(State state, int engineVersion, int shipperVersion) {

    public enum State {
        /** No template: events would get guessed mappings. */
        MISSING,
        /** Older than the shipper's: new fields would get guessed mappings. */
        OUTDATED,
        /** Same schema version. */
        CURRENT,
        /** Newer than the shipper's (a newer plugin elsewhere installed it): left alone, still compatible. */
        NEWER
    }

    public static TemplateStatus compare(int engineVersion, int shipperVersion) {
        State state = engineVersion == 0 ? State.MISSING
                : engineVersion < shipperVersion ? State.OUTDATED
                : engineVersion == shipperVersion ? State.CURRENT : State.NEWER;
        return new TemplateStatus(state, engineVersion, shipperVersion);
    }

    /** Whether events can be written safely (the engine's template knows every field the shipper writes). */
    public boolean usable() {
        return state == State.CURRENT || state == State.NEWER;
    }

    public String sentence() {
        return switch (state) {
            case MISSING -> "No index template yet; it is installed before the first event is sent.";
            case OUTDATED -> "The index template has schema version " + engineVersion + "; version "
                    + shipperVersion + " replaces it before the next event is sent (new monthly indices use it).";
            case CURRENT -> "The index template is current (schema version " + shipperVersion + ").";
            case NEWER -> "The index template has schema version " + engineVersion + ", newer than this plugin's "
                    + shipperVersion + "; it is left as it is.";
        };
    }
}
