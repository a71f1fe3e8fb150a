package io.buildanalytics.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on a terminal; on a pipe or in a CI log, where a redrawn line is noise, one line when the work
 * starts and one when it ends.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter log;
    private final String task;
    private final long total;
    private long current;

    private Progress(ProgressBar bar, PrintWriter log, String task, long total) {
        this.bar = bar;
        this.log = log;
        this.task = task;
        this.total = total;
    }

    /** @param out where the plain lines go when there is no terminal */
    public static Progress start(String task, long total, String unit, PrintWriter out) {
        if (System.console() == null) {
            out.println(task + ": " + total + " " + unit + "…");
            out.flush();
            return new Progress(null, out, task, total);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        return new Progress(bar, out, task, total);
    }

    public void stepTo(long value) {
        current = value;
        if (bar != null) {
            bar.stepTo(value);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else {
            log.println(task + ": " + current + " of " + total + " done.");
            log.flush();
        }
    }
}
