package io.buildanalytics.shipper.spool;

import org.h2.mvstore.MVStore;

/**
 * Keeps the spool file near the size of the data it holds, a little at a time.
 *
 * <p>Every commit writes a new chunk. The last version of a B-tree leaf usually lands in a chunk whose other pages
 * are replaced by the very next commit, so chunks end up mostly dead but pinned by one live leaf, and the file
 * settles at about four times the data. Rewriting the live pages of such sparse chunks lets them be reused. Doing
 * it in small steps (at most twice the payload bytes changed since the last step, never more than 1 MiB) keeps
 * the pause for the one append that triggers it in the low milliseconds instead of a long stop now and then.
 *
 * <p>Not thread-safe: called under the spool's writer lock.
 */
final class ChunkCompaction {

    /** Chunks below this share of live bytes get their live pages rewritten. */
    static final int TARGET_FILL_PERCENT = 90;
    private static final long MIN_STEP_BYTES = 16 * 1024;
    private static final long MAX_STEP_BYTES = 512 * 1024;

    private final MVStore store;
    private final long stepBytes;
    private long changedSinceLastStep;

    ChunkCompaction(MVStore store, long budgetBytes) {
        this.store = store;
        this.stepBytes = Math.max(MIN_STEP_BYTES, Math.min(MAX_STEP_BYTES, budgetBytes / 64));
    }

    /** After a commit that added or removed {@code payloadBytes}: compacts one step when enough has changed. */
    void afterCommit(long payloadBytes) {
        changedSinceLastStep += payloadBytes;
        if (changedSinceLastStep < stepBytes) {
            return;
        }
        changedSinceLastStep = 0;
        // compact() only moves pages in memory; the commit makes the move durable and frees the old chunks.
        if (store.compact(TARGET_FILL_PERCENT, (int) (2 * stepBytes))) {
            store.commit();
        }
    }
}
