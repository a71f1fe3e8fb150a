package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.BuildAnalytics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code build-analytics ship ...} exactly as {@code main} does, capturing what it prints. */
final class Ship {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        private static List<String> lines(String text) {
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
        }
    }

    private Ship() {
    }

    static Run run(String... args) {
        return run(Map.of(), new ByteArrayInputStream(new byte[0]), args);
    }

    static Run withStdin(String input, String... args) {
        return run(Map.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Run run(Map<String, String> environment, InputStream stdin, String... args) {
        CommandLine commandLine = BuildAnalytics.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ((ShipCommand) commandLine.getSubcommands().get("ship").getCommand()).with(environment, stdin);
        List<String> all = new ArrayList<>();
        all.add("ship");
        all.addAll(List.of(args));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A complete build by flags; tests add or replace what they are about. */
    static List<String> buildFlags() {
        return new ArrayList<>(List.of(
                "--server-name", "gitlab-main",
                "--server-product", "GitLab CI",
                "--server-url", "https://gitlab.example.com",
                "--pipeline", "shop/build",
                "--pipeline-name", "Shop build",
                "--project", "shop",
                "--run-number", "42",
                "--run-url", "https://gitlab.example.com/shop/app/-/pipelines/4242",
                "--result", "success",
                "--queued", "2026-03-02T08:59:00Z",
                "--started", "2026-03-02T09:00:00Z",
                "--finished", "2026-03-02T09:05:00Z"));
    }

    static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
