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
 * <p>The guard: the file is never marked clean, so every open takes the crash-recovery path that every
 * {@code kill -9} already exercises.
 *
 * <p>Not a guard, on purpose: {@code MVStore.setVersionsToKeep(0)}, which lets the first commit forget dead chunks,
 * was a second guard here until SpoolKillTest, run for hundreds of kill rounds, lost acknowledged records with it
 * (about one kill in fifty; removed records came back too). With no versions kept, a chunk the newest commit stopped
 * using is overwritten by the very next commit, and a kill during that write can leave no version the recovery
 * accepts as complete but an older one. MVStore's default of five kept versions makes freed space wait five
 * commits; with it, 400 kill rounds lost nothing.
 */
final class CrashSafeClose {

    private CrashSafeClose() {
    }

    /** Instead of {@link MVStore#close()}: commit, then close without writing the clean-shutdown mark. */
    static void close(MVStore store) {
        store.commit();
        store.closeImmediately();
    }
}
