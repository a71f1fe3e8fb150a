package io.buildanalytics.shipper.runtime;

import io.buildanalytics.shipper.ShipperStatus;
import java.util.ArrayList;
import java.util.List;

/** The status block's lines, in the order an admin reads them: state, delivery, problems, backfill. */
public final class StatusLines {

    private StatusLines() {
    }

    /**
     * @param serverName  the CI server as its admins say it ("Jenkins", "TeamCity"), for the pointer to its log
     * @param hostNotices conditions of the CI server itself that affect the events (no root URL set)
     */
    public static List<String> of(RuntimeStatus status, String serverName, List<String> hostNotices) {
        List<String> lines = new ArrayList<>();
        lines.add(status.state());
        ShipperStatus shipper = status.shipper();
        if (shipper != null) {
            lines.add(shipper.summary());
            if (shipper.lastSuccess() != null) {
                lines.add("Last delivery: " + shipper.lastSuccess());
            }
            if (shipper.lastError() != null) {
                lines.add("Last problem (" + shipper.lastError().at() + "): " + shipper.lastError().sentence());
            }
            if (shipper.template() != null) {
                lines.add("Index template: " + shipper.template());
            }
            if (shipper.deadLettered() > 0) {
                lines.add(shipper.deadLettered() + " events refused by the engine are kept in "
                        + shipper.deadLetterFile());
            }
            lines.addAll(shipper.warnings());
        }
        if (status.unread() > 0) {
            lines.add(status.unread() + " finished builds could not be read into events (see the " + serverName
                    + " log)");
        }
        lines.addAll(hostNotices);
        if (status.backfill() != null) {
            lines.add(status.backfill().summary());
        }
        return lines;
    }
}
