package io.buildanalytics.localengine;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the relative paths in a distribution's {@code jvm.options} into the instance's logs directory.
 *
 * <p>Both launchers {@code cd} into the distribution's home before starting Java, so relative paths
 * ({@code logs/gc.log}, {@code gc.log}, {@code hs_err_pid%p.log}, {@code HeapDumpPath=data}) would land in
 * the shared, read-only cache: the JVM then fails to start as the unprivileged user, and concurrent nodes
 * would write over each other's files.
 */
final class JvmOptionsRewriter {

    private static final Pattern XLOG_FILE = Pattern.compile("(-Xlog:\\S*?:file=)([^:\\s\"]+)");
    private static final Pattern FILE_OPTION = Pattern.compile("(-Xloggc:|-XX:ErrorFile=)(\\S+)");
    private static final Pattern DIRECTORY_OPTION = Pattern.compile("(-XX:HeapDumpPath=)(\\S+)");

    private JvmOptionsRewriter() {
    }

    static String rewrite(String jvmOptions, Path logsDirectory) {
        StringBuilder result = new StringBuilder(jvmOptions.length() + 256);
        for (String line : jvmOptions.split("\n", -1)) {
            if (!line.stripLeading().startsWith("#")) {
                line = relocateFile(XLOG_FILE, line, logsDirectory);
                line = relocateFile(FILE_OPTION, line, logsDirectory);
                line = relocate(DIRECTORY_OPTION, line, value -> logsDirectory);
            }
            result.append(line).append('\n');
        }
        result.setLength(result.length() - 1);
        return result.toString();
    }

    private static String relocateFile(Pattern pattern, String line, Path logsDirectory) {
        return relocate(pattern, line, value -> logsDirectory.resolve(value.getFileName()));
    }

    private static String relocate(Pattern pattern, String line, java.util.function.UnaryOperator<Path> target) {
        Matcher matcher = pattern.matcher(line);
        return matcher.replaceAll(match -> {
            Path value = Path.of(match.group(2));
            String replaced = value.isAbsolute() ? match.group(2) : target.apply(value).toString();
            return Matcher.quoteReplacement(match.group(1) + replaced);
        });
    }
}
