package io.buildanalytics.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} also counts zombies: processes that have
 * exited but wait for their parent to collect them. A node's helper processes end as zombies whose reaping
 * is up to PID 1, which some containers do slowly or never; waiting for that would stall every stop.
 */
final class ProcessLiveness {

    private ProcessLiveness() {
    }

    /** True if the process exists and has not exited (it is neither a zombie nor being torn down). */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The state letter follows the command name, which is in parentheses and may contain anything.
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            // Gone between the two checks.
            return false;
        }
    }
}
