package io.buildanalytics.bench.data;

import io.buildanalytics.localengine.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Spool directories the benchmarks create and throw away; a spool of a million events is gigabytes on disk. */
public final class Scratch {

    private Scratch() {
    }

    public static Path directory(String purpose) {
        try {
            return Files.createTempDirectory("build-analytics-bench-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path tree) {
        FileTrees.deleteRecursively(tree);
    }

    public static long size(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
