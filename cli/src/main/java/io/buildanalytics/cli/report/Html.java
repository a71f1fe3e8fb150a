package io.buildanalytics.cli.report;

/** Escaping for the HTML report and its inline SVG, which share one document. */
final class Html {

    private Html() {
    }

    /**
     * A text safe in element content and in quoted attribute values alike. Pipeline and server names come from CI
     * servers anyone with a job can name, so none of them may open a tag; control characters are replaced as
     * well, since XML does not allow them and the report is kept well-formed XML.
     */
    static String escape(String text) {
        String printable = Formats.printable(text);
        StringBuilder out = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
