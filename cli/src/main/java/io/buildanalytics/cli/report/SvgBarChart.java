package io.buildanalytics.cli.report;

import java.util.List;

/**
 * A horizontal bar chart as inline SVG, one row per named item, for rankings such as the pipelines that failed
 * most: long names fit on the left, where a vertical chart would have to tilt them. Names are cut to
 * {@value #LABEL_CHARACTERS} characters; the bar's {@code <title>} tooltip carries the whole name.
 */
final class SvgBarChart {

    /**
     * @param label     the name on the left
     * @param value     the bar's length, zero or more
     * @param valueText written after the bar, e.g. "4 of 10 runs · 40.0%"
     * @param tooltip   the whole story of the bar
     */
    record Bar(String label, double value, String valueText, String tooltip) {
    }

    private static final double WIDTH = 720;
    private static final double LABEL_AREA = 250;
    private static final double VALUE_TEXT_AREA = 150;
    private static final double TOP = 40;
    private static final double ROW = 26;
    private static final double BAR = 16;
    private static final double BOTTOM = 52;
    private static final int LABEL_CHARACTERS = 36;

    private final String id;
    private final String title;
    private final String xTitle;
    private final String color;

    /** Values are counts: the axis ticks are whole numbers. */
    SvgBarChart(String id, String title, String xTitle, String color) {
        this.id = id;
        this.title = title;
        this.xTitle = xTitle;
        this.color = color;
    }

    String render(List<Bar> bars) {
        double left = LABEL_AREA + 8;
        double plotWidth = WIDTH - left - VALUE_TEXT_AREA;
        double bottom = TOP + bars.size() * ROW;
        double height = bottom + BOTTOM;
        NiceScale scale = NiceScale.upTo(bars.stream().mapToDouble(Bar::value).max().orElse(0), true);

        StringBuilder svg = new StringBuilder(Svg.open(id, WIDTH, height, title));
        for (double tick : scale.ticks()) {
            double x = left + tick / scale.max() * plotWidth;
            svg.append(Svg.line(x, TOP, x, bottom, "grid"));
            svg.append(Svg.text(x, bottom + 16, "tick", "middle", Formats.count(Math.round(tick))));
        }
        svg.append(Svg.line(left, TOP, left, bottom, "axis"));
        svg.append(Svg.line(left, bottom, left + plotWidth, bottom, "axis"));

        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double rowTop = TOP + i * ROW;
            double middle = rowTop + ROW / 2;
            double length = bar.value() / scale.max() * plotWidth;
            svg.append("<g class=\"bar\">");
            svg.append("<title>").append(Html.escape(bar.tooltip())).append("</title>");
            svg.append(Svg.rect(0, rowTop, WIDTH, ROW, "hit", null));
            svg.append(Svg.text(LABEL_AREA, middle + 4, "label", "end",
                    Formats.truncate(Formats.printable(bar.label()), LABEL_CHARACTERS)));
            svg.append(Svg.rect(left, middle - BAR / 2, length, BAR, "value", color));
            svg.append(Svg.text(left + length + 6, middle + 4, "value-text", "start", bar.valueText()));
            svg.append("</g>\n");
        }
        svg.append(Svg.text(left + plotWidth / 2, height - 10, "axis-title", "middle", xTitle));
        svg.append(Svg.close());
        return svg.toString();
    }
}
