package io.buildanalytics.shipper.spool;

import org.h2.mvstore.MVStore;

/**
 * Works around a way H2 2.4.240's MVStore loses committed data after a crash (found by SpoolKillTest, reproduced
 * every time by SpoolTornWriteTest): open a file left by a killed process, close it cleanly, open it again, and the
 * second open can come back with an older version, dropping acknowledged records (in the test: all of them), and
 * older still with every further clean close.
 *
 * <p>Why: the version recovered after a crash still lists, in its chunk list, dead chunks whose space the killed
 * process had already reused. The crash-recovery path of an open tolerates that. A clean close marks the file
 * clean with that list; the next open trusts the mark, checks the newest chunks of the list, finds one that is not
 * there, and falls back to a recovery that no longer considers the newest version.
 *
 * <p>Two guards, each enough on its own in that test: the store drops dead chunks from its list at the first commit
 * (it keeps no old versions, as H2's own database configures it, and the spool commits once at every open), and the
 * file is never marked clean, so every open takes the crash-recovery path that every {@code kill -9} already
 * exercises.
 */
final class CrashSafeClose {

    private CrashSafeClose() {
    }

    /** Right after opening: let the first commit forget every dead chunk. */
    static void prepare(MVStore store) {
        // Old versions matter only to readers, and the spool's reader pins the version it reads.
        store.setVersionsToKeep(0);
    }

    /** Instead of {@link MVStore#close()}: commit, then close without writing the clean-shutdown mark. */
    static void close(MVStore store) {
        store.commit();
        store.closeImmediately();
    }
}
