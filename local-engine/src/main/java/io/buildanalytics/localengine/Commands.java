package io.buildanalytics.localengine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the short commands the runner relies on (id, useradd, the distribution's elasticsearch-users) and finds
 * executables.
 */
final class Commands {

    /** Root's tools live in sbin directories, which a non-login PATH may lack. */
    private static final List<String> STANDARD_DIRECTORIES =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private Commands() {
    }

    record Result(int exitCode, String output) {
    }

    /** Absolute path of an executable, looked up on PATH and then in the standard system directories. */
    static Optional<Path> find(String name) {
        Set<String> directories = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    directories.add(directory);
                }
            }
        }
        directories.addAll(STANDARD_DIRECTORIES);
        return directories.stream()
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Path require(String name, String packageHint) {
        return find(name).orElseThrow(() -> new LocalEngineException("'" + name + "' is not installed (it comes with "
                + packageHint + "); the local engine runner needs it"));
    }

    /**
     * Runs a command to completion, output and error merged. The output goes through a file rather than a
     * pipe, so a command that hangs with its output open cannot outlast the timeout.
     */
    static Result run(List<String> command, Duration timeout) {
        return run(command, null, null, timeout);
    }

    /**
     * Runs a command in {@code directory} with exactly {@code environment}; either may be null to inherit
     * this JVM's.
     */
    static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout) {
        List<String> arguments = new ArrayList<>(command);
        Path output = null;
        try {
            output = Files.createTempFile("local-engine-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalEngineException("Timed out after " + timeout.toSeconds() + " s: " + arguments);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new LocalEngineException("Cannot run " + arguments + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEngineException("Interrupted while running " + arguments, e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temp file is not worth failing a node start for.
        }
    }
}
