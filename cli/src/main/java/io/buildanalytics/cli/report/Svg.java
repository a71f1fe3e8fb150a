package io.buildanalytics.cli.report;

import java.util.Locale;

/** The few SVG elements the charts are made of, with every text escaped and every number written the same way. */
final class Svg {

    private Svg() {
    }

    /** The opening tag, with the chart's title as its accessible name and first tooltip. */
    static String open(String id, double width, double height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" class=\"chart\" viewBox=\"0 0 "
                + number(width) + " " + number(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title\">\n"
                + "<title id=\"" + id + "-title\">" + Html.escape(title) + "</title>\n"
                + text(8, 22, "chart-title", "start", title);
    }

    static String close() {
        return "</svg>\n";
    }

    static String text(double x, double y, String cssClass, String anchor, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" class=\"" + cssClass + "\" text-anchor=\""
                + anchor + "\">" + Html.escape(content) + "</text>\n";
    }

    /** Text read bottom to top, for a y axis's title. */
    static String verticalText(double x, double y, String cssClass, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" class=\"" + cssClass
                + "\" text-anchor=\"middle\" transform=\"rotate(-90 " + number(x) + " " + number(y) + ")\">"
                + Html.escape(content) + "</text>\n";
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\""
                + number(y2) + "\" class=\"" + cssClass + "\"/>\n";
    }

    /** @param fill a colour, or null to leave it to the style sheet */
    static String rect(double x, double y, double width, double height, String cssClass, String fill) {
        return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(width) + "\" height=\""
                + number(Math.max(0, height)) + "\" class=\"" + cssClass + "\""
                + (fill == null ? "" : " fill=\"" + fill + "\"") + "/>";
    }

    /** One decimal and always a decimal point, whatever the default locale: "12,5" would break the drawing. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
