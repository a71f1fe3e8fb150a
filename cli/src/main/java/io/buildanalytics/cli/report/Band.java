package io.buildanalytics.cli.report;

/**
 * DORA 2023 performance bands, with the thresholds the dashboards' tiles use, so a report and a dashboard over the
 * same events always name the same band.
 */
public enum Band {
    ELITE("Elite"), HIGH("High"), MEDIUM("Medium"), LOW("Low"), NO_DATA("No data");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Deployment frequency from the median number of deployment days per whole week: 5 or more Elite, 1 or more
     * High, else at least one deployment day per 30 days Medium, else Low.
     */
    static Band deploymentFrequency(long deployments, double deploymentDaysPerWeek, long deploymentDays, long rangeDays) {
        if (deployments == 0) {
            return LOW;
        }
        if (deploymentDaysPerWeek >= 5) {
            return ELITE;
        }
        if (deploymentDaysPerWeek >= 1) {
            return HIGH;
        }
        return deploymentDays * 30.0 / Math.max(rangeDays, 1) >= 1 ? MEDIUM : LOW;
    }

    /** Lead time for changes from the median per commit: under a day, a week, 30 days. */
    static Band leadTime(long commits, double medianHours) {
        return commits == 0 ? NO_DATA : byHours(medianHours, 24, 168, 720);
    }

    /** Change failure rate: up to 5 %, 10 %, 15 %. */
    static Band changeFailure(long deployments, double rate) {
        if (deployments == 0) {
            return NO_DATA;
        }
        return rate <= 0.05 ? ELITE : rate <= 0.10 ? HIGH : rate <= 0.15 ? MEDIUM : LOW;
    }

    /** Failed deployment recovery time from the median: under an hour, a day, a week. */
    static Band recovery(long recoveries, double medianHours) {
        return recoveries == 0 ? NO_DATA : byHours(medianHours, 1, 24, 168);
    }

    private static Band byHours(double hours, double elite, double high, double medium) {
        return hours < elite ? ELITE : hours < high ? HIGH : hours < medium ? MEDIUM : LOW;
    }
}
