package io.buildanalytics.bench.report;

import java.util.Locale;

/** How a measured value is written: the unit's symbol and the precision a reader needs for it. */
public enum Unit {
    MICROSECONDS("µs", 1),
    MILLISECONDS("ms", 1),
    SECONDS("s", 1),
    EVENTS_PER_SECOND("events/s", 0),
    COUNT("", 0),
    BYTES("bytes", 0),
    MEGABYTES("MB", 1),
    PERCENT("%", 0),
    TIMES("×", 1);

    private final String symbol;
    private final int decimals;

    Unit(String symbol, int decimals) {
        this.symbol = symbol;
        this.decimals = decimals;
    }

    public String symbol() {
        return symbol;
    }

    /** The value as the results table shows it: grouped thousands, fixed decimals, the symbol after a space. */
    public String format(double value) {
        String number = String.format(Locale.ROOT, "%,." + decimals + "f", value).replace(',', ' ');
        return symbol.isEmpty() ? number : number + " " + symbol;
    }
}
