package io.buildanalytics.shipper.runtime;

import io.buildanalytics.shipper.ShipperStatus;
import io.buildanalytics.shipper.backfill.BackfillProgress;

/**
 * What the status block on an admin page shows.
 *
 * @param state    one sentence: recording and delivering, disabled, not configured (and why)
 * @param shipper  the shipper's counters, or null while no shipper runs
 * @param unread   finished builds that could not be read into an event since start (see the server log)
 * @param backfill the latest backfill's progress, or null if none ran since start
 */
public record RuntimeStatus(String state, ShipperStatus shipper, long unread, BackfillProgress backfill) {

    public boolean recording() {
        return shipper != null;
    }
}
