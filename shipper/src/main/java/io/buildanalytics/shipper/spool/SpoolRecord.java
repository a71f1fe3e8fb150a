package io.buildanalytics.shipper.spool;

import java.util.Objects;

/** One stored record and its sequence number. */
public record SpoolRecord(long sequence, byte[] payload) {
    public SpoolRecord {
        Objects.requireNonNull(payload, "payload");
    }
}
