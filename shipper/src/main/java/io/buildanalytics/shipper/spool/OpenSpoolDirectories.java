package io.buildanalytics.shipper.spool;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spool directories this JVM has open.
 *
 * <p>MVStore's file lock keeps other processes out, but a second open inside the same JVM must never reach the
 * file: the JDK refuses the lock, and closing that refused channel drops the lock the first owner holds (POSIX
 * locks belong to the process, not the channel), which would let another process in. Checked with JDK 17 on
 * Linux.
 */
final class OpenSpoolDirectories {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private OpenSpoolDirectories() {
    }

    /** @param directory the real path, so that two spellings of one directory collide */
    static void claim(Path directory) throws SpoolException {
        if (!OPEN.add(directory)) {
            throw new SpoolException("The spool directory " + directory
                    + " is already open in this process; close the other spool before opening it again.");
        }
    }

    static void release(Path directory) {
        OPEN.remove(directory);
    }
}
