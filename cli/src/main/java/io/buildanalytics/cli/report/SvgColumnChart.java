package io.buildanalytics.cli.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A vertical bar chart as inline SVG, one column per week: the report is a single file that must open offline, so
 * charts are drawn here rather than by a script library. Each column is a {@code <g class="bar">} whose
 * {@code <title>} is its tooltip; an invisible rectangle the full height of the plot makes the tooltip easy to hit
 * even for a short or empty bar.
 */
final class SvgColumnChart {

    /**
     * @param label   under the axis, e.g. the week's date
     * @param value   the bar's height, null where there is no value (drawn as a dash, not as zero)
     * @param tooltip the whole story of the bar, e.g. "Week of 2024-04-08: 4 deployments"
     * @param muted   drawn lighter, for partial weeks
     */
    record Column(String label, Double value, String tooltip, boolean muted) {
    }

    private static final double WIDTH = 720;
    private static final double HEIGHT = 280;
    private static final double LEFT = 80;
    private static final double RIGHT = 16;
    private static final double TOP = 40;
    private static final double BOTTOM = 56;
    private static final double LABEL_WIDTH = 70;

    private final String id;
    private final String title;
    private final String yTitle;
    private final String xTitle;
    private final boolean counts;
    private final DoubleFunction<String> tickFormat;
    private final String color;

    /**
     * @param id         the SVG element's id, unique in the page
     * @param counts     whether values are counts (whole-number ticks)
     * @param tickFormat writes a tick value on the y axis
     * @param color      the bars' fill
     */
    SvgColumnChart(String id, String title, String yTitle, String xTitle, boolean counts,
                   DoubleFunction<String> tickFormat, String color) {
        this.id = id;
        this.title = title;
        this.yTitle = yTitle;
        this.xTitle = xTitle;
        this.counts = counts;
        this.tickFormat = tickFormat;
        this.color = color;
    }

    String render(List<Column> columns) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double bottom = TOP + plotHeight;
        double largest = columns.stream().filter(c -> c.value() != null).mapToDouble(Column::value).max().orElse(0);
        NiceScale scale = NiceScale.upTo(largest, counts);

        StringBuilder svg = new StringBuilder(Svg.open(id, WIDTH, HEIGHT, title));
        for (double tick : scale.ticks()) {
            double y = bottom - tick / scale.max() * plotHeight;
            svg.append(Svg.line(LEFT, y, LEFT + plotWidth, y, "grid"));
            svg.append(Svg.text(LEFT - 8, y + 4, "tick", "end", tickFormat.apply(tick)));
        }
        svg.append(Svg.line(LEFT, TOP, LEFT, bottom, "axis"));
        svg.append(Svg.line(LEFT, bottom, LEFT + plotWidth, bottom, "axis"));

        double slot = columns.isEmpty() ? plotWidth : plotWidth / columns.size();
        double barWidth = Math.min(48, slot * 0.7);
        // Label only every n-th column when dates would overlap; the tooltips still give every date.
        int labelEvery = Math.max(1, (int) Math.ceil(LABEL_WIDTH / slot));
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            double slotLeft = LEFT + i * slot;
            double center = slotLeft + slot / 2;
            svg.append("<g class=\"bar\">");
            svg.append("<title>").append(Html.escape(column.tooltip())).append("</title>");
            svg.append(Svg.rect(slotLeft, TOP, slot, plotHeight, "hit", null));
            if (column.value() == null) {
                svg.append(Svg.text(center, bottom - 4, "no-value", "middle", Formats.MISSING));
            } else {
                double height = column.value() / scale.max() * plotHeight;
                svg.append(Svg.rect(center - barWidth / 2, bottom - height, barWidth, height,
                        column.muted() ? "value muted" : "value", color));
            }
            svg.append("</g>\n");
            if (i % labelEvery == 0) {
                svg.append(Svg.text(center, bottom + 18, "tick", "middle", column.label()));
            }
        }

        svg.append(Svg.verticalText(14, TOP + plotHeight / 2, "axis-title", yTitle));
        svg.append(Svg.text(LEFT + plotWidth / 2, HEIGHT - 10, "axis-title", "middle", xTitle));
        svg.append(Svg.close());
        return svg.toString();
    }
}
