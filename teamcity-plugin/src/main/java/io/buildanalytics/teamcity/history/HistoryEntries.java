package io.buildanalytics.teamcity.history;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.teamcity.facts.BuildReader;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import jetbrains.buildServer.serverSide.SFinishedBuild;

/**
 * A configuration's history ({@code SBuildType.getHistory()}, newest first) read into facts one entry at a time,
 * for the derivations' history and for the backfill. A rule says which entries to read, which to pass over and
 * where to stop; an entry TeamCity cannot load is passed over.
 */
public final class HistoryEntries implements Iterator<BuildFacts> {

    /** What to do with one history entry. */
    public enum Verdict { READ, PASS_OVER, STOP }

    @FunctionalInterface
    public interface Rule {
        Verdict judge(SFinishedBuild build);
    }

    private final Iterator<SFinishedBuild> entries;
    private final BuildReader reader;
    private final Rule rule;
    private final int maxReturned;
    private final int maxScanned;
    private int returned;
    private int scanned;
    private boolean stopped;
    private BuildFacts next;

    /**
     * @param history     the configuration's history, or null
     * @param maxReturned how many builds at most to return
     * @param maxScanned  how many entries at most to look at
     */
    public HistoryEntries(List<SFinishedBuild> history, BuildReader reader, Rule rule, int maxReturned,
                          int maxScanned) {
        this.entries = history == null ? List.<SFinishedBuild>of().iterator() : history.iterator();
        this.reader = reader;
        this.rule = rule;
        this.maxReturned = maxReturned;
        this.maxScanned = maxScanned;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !stopped && returned < maxReturned && scanned < maxScanned && entries.hasNext()) {
            scanned++;
            next = read(entries.next());
        }
        return next != null;
    }

    private BuildFacts read(SFinishedBuild build) {
        try {
            Verdict verdict = build == null ? Verdict.PASS_OVER : rule.judge(build);
            if (verdict == Verdict.STOP) {
                stopped = true;
            }
            return verdict == Verdict.READ ? reader.read(build, null).orElse(null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public BuildFacts next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BuildFacts result = next;
        next = null;
        returned++;
        return result;
    }
}
