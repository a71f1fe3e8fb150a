package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheLastLines() throws Exception {
        Path log = Files.writeString(directory.resolve("console.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.of(log, 2)).isEqualTo("three\nfour");
        assertThat(LogTail.of(log, 10)).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void readsOnlyTheEndOfAHugeLogAndDropsThePartialFirstLine() throws Exception {
        String content = IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(directory.resolve("console.log"), content);

        String tail = LogTail.of(log, 1_000_000);

        assertThat(tail).endsWith("line 19999").doesNotStartWith("ine").startsWith("line ");
        assertThat(tail.length()).isLessThanOrEqualTo(32 * 1024);
    }

    @Test
    void saysSoWhenThereIsNoLog() {
        assertThat(LogTail.of(directory.resolve("missing.log"), 5)).contains("does not exist");
    }
}
