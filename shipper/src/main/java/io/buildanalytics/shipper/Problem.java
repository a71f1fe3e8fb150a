package io.buildanalytics.shipper;

import java.time.Instant;
import java.util.Objects;

/** The latest thing that went wrong, as a sentence a person can act on, and when. Never holds a secret. */
public record Problem(Instant at, String sentence) {
    public Problem {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sentence, "sentence");
    }
}
