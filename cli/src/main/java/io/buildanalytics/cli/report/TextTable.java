package io.buildanalytics.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of aligned columns without borders, for the terminal. Names (servers, pipelines) can be of any length,
 * so columns marked as shrinkable are cut with an ellipsis until the table fits the width; numbers never are.
 */
final class TextTable {

    enum Align { LEFT, RIGHT }

    private record Column(String header, Align align, boolean shrinkable) {
    }

    private static final String GAP = "  ";
    private static final int SHRUNK_MINIMUM = 8;

    private final String indent;
    private final int maxWidth;
    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String indent, int maxWidth) {
        this.indent = indent;
        this.maxWidth = maxWidth;
    }

    TextTable name(String header) {
        columns.add(new Column(header, Align.LEFT, true));
        return this;
    }

    TextTable left(String header) {
        columns.add(new Column(header, Align.LEFT, false));
        return this;
    }

    TextTable right(String header) {
        columns.add(new Column(header, Align.RIGHT, false));
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** The header and the rows, each line ending in a newline. */
    String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::header).toArray(String[]::new), widths);
        for (String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Formats.width(columns.get(i).header());
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], Formats.width(row[i]));
            }
        }
        // Take one column at a time from the widest name, so two long names share the cut.
        while (total(widths) > maxWidth) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (columns.get(i).shrinkable() && widths[i] > SHRUNK_MINIMUM
                        && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
        }
        return widths;
    }

    private int total(int[] widths) {
        int total = indent.length() + GAP.length() * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    private void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            String cell = Formats.truncate(cells[i], widths[i]);
            String padding = " ".repeat(widths[i] - Formats.width(cell));
            if (i > 0) {
                line.append(GAP);
            }
            line.append(columns.get(i).align() == Align.RIGHT ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
