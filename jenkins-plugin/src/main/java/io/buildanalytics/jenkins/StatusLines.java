package io.buildanalytics.jenkins;

import io.buildanalytics.jenkins.runtime.RuntimeStatus;
import io.buildanalytics.shipper.ShipperStatus;
import java.util.ArrayList;
import java.util.List;

/** The status block's lines, in the order an admin reads them: state, delivery, problems, backfill. */
final class StatusLines {

    private StatusLines() {
    }

    static List<String> of(RuntimeStatus status, boolean rootUrlMissing) {
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
            lines.add(status.unread() + " finished builds could not be read into events (see the Jenkins log)");
        }
        if (rootUrlMissing) {
            lines.add("Jenkins URL is not set (Manage Jenkins » System): events are sent without links to builds.");
        }
        if (status.backfill() != null) {
            lines.add(status.backfill().summary());
        }
        return lines;
    }
}
