package io.buildanalytics.cli.report;

/**
 * An axis from zero to a round maximum with round tick steps (1, 2 or 5 times a power of ten), so that a chart's
 * gridlines fall on numbers a reader can use.
 *
 * @param max  the top of the axis, at least the largest value
 * @param step the distance between ticks
 */
record NiceScale(double max, double step) {

    private static final int TICKS = 5;

    /**
     * @param largest the largest value to show; zero or less gives an axis up to one
     * @param counts  whether the values are counts, whose ticks must be whole numbers
     */
    static NiceScale upTo(double largest, boolean counts) {
        double top = largest > 0 ? largest : 1;
        double raw = top / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalized = raw / magnitude;
        double step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
        if (counts) {
            step = Math.max(1, Math.ceil(step));
        }
        // A small tolerance so that 0.3 / 0.1 counts as three steps, not four.
        return new NiceScale(Math.ceil(top / step - 1e-9) * step, step);
    }

    /** The tick values from zero to the top, computed by multiplication so rounding errors do not add up. */
    double[] ticks() {
        int count = (int) Math.round(max / step);
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }
}
