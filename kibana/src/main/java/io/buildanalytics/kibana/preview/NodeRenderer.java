package io.buildanalytics.kibana.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the preview renderer ({@code render.mjs}) with Node.js: the real Vega 5 and Vega-Lite 5 libraries, the
 * majors Kibana 8 and OpenSearch Dashboards 2 embed, and resvg for PNG. The script and its locked npm
 * dependencies are copied into a working directory and installed there once with {@code npm ci}.
 */
public final class NodeRenderer {

    private static final String RESOURCES = "/io/buildanalytics/kibana/preview/";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "render.mjs");
    private static final long INSTALL_MINUTES = 10;
    private static final long RENDER_MINUTES = 10;

    private final Path directory;

    /** @param directory where the script and its {@code node_modules} live; kept between runs */
    public NodeRenderer(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** Copies the script and installs its dependencies unless the same lock file was installed before. */
    public void prepare() {
        try {
            Files.createDirectories(directory);
            boolean lockChanged = false;
            for (String name : FILES) {
                byte[] wanted = resource(name);
                Path target = directory.resolve(name);
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), wanted)) {
                    Files.write(target, wanted);
                    lockChanged |= !name.equals("render.mjs");
                }
            }
            if (lockChanged || !Files.exists(directory.resolve("node_modules/.package-lock.json"))) {
                run(List.of(executable("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                        INSTALL_MINUTES, "npm-install.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the preview renderer in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Renders the job file (written by {@link DashboardPreview}). */
    public void render(Path jobFile) {
        run(List.of(executable("node"), directory.resolve("render.mjs").toString(), jobFile.toAbsolutePath().toString()),
                RENDER_MINUTES, "render.log");
    }

    private void run(List<String> command, long minutes, String logName) {
        Path log = directory.resolve(logName);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + minutes
                        + " minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": the preview needs Node.js 18 or newer"
                    + " with npm on the PATH (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static String executable(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("The preview needs Node.js 18 or newer: '" + name
                + "' is not on the PATH. Install Node.js (it brings npm) and run again.");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NodeRenderer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }
}
