package io.buildanalytics.cli.ship;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code ship} keeps its spool when {@code --data-dir} is not given. It must be the same directory from one
 * run to the next, since the next run delivers what an earlier one could not: {@code $BUILD_ANALYTICS_HOME/ship},
 * else the XDG state directory ({@code $XDG_STATE_HOME}, by default {@code ~/.local/state}), which is meant for
 * exactly this kind of data that should outlive a process but is not worth a backup.
 */
final class DataDirectory {

    static final String HOME_VARIABLE = "BUILD_ANALYTICS_HOME";

    private DataDirectory() {
    }

    static Path resolve(Path given, Map<String, String> environment, String userHome) {
        if (given != null) {
            return given;
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).resolve("ship");
        }
        String state = environment.get("XDG_STATE_HOME");
        // The XDG specification says relative paths in these variables are invalid and must be ignored.
        Path stateHome = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : Path.of(userHome, ".local", "state");
        return stateHome.resolve("build-analytics").resolve("ship");
    }
}
