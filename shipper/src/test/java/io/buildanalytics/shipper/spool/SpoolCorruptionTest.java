package io.buildanalytics.shipper.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreadable spool file must not keep the spool, and with it the CI server's plugin, from starting. */
class SpoolCorruptionTest {

    private static final long BUDGET = 64L << 20;

    @TempDir
    Path directory;

    @Test
    void aFileOfGarbageIsMovedAsideAndTheSpoolStartsEmpty() throws Exception {
        Path file = directory.resolve(MvStoreSpool.FILE_NAME);
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.setAside()).isPresent();
            SetAsideFile setAside = spool.setAside().orElseThrow();
            assertThat(setAside.original()).isEqualTo(file.toRealPath());
            assertThat(setAside.movedTo().getFileName().toString())
                    .matches("spool\\.mv\\.unreadable-\\d{8}T\\d{6}Z");
            assertThat(setAside.movedTo()).hasBinaryContent(garbage);
            assertThat(setAside.message()).contains("could not be read", setAside.movedTo().toString(),
                    "started empty");
            assertThat(spool.stats()).isEqualTo(new SpoolStats(0, 0, BUDGET, 0));
            spool.append(new byte[] {42});
        }
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.setAside()).as("the new file is healthy").isEmpty();
            assertThat(spool.oldest(10)).extracting(record -> record.payload()[0]).containsExactly((byte) 42);
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .hasSize(2).contains(MvStoreSpool.FILE_NAME);
        }
    }

    @Test
    void aDamagedPageInTheMiddleIsFoundAtOpenNotByTheConsumerLater() throws Exception {
        Path file = directory.resolve(MvStoreSpool.FILE_NAME);
        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            for (long counter = 0; counter < 3_000; counter++) {
                spool.append(TestPayloads.of(counter));
            }
        }
        long size = Files.size(file);
        overwrite(file, size / 2, 64 * 1024);

        try (MvStoreSpool spool = MvStoreSpool.open(directory, BUDGET)) {
            assertThat(spool.setAside()).isPresent();
            assertThat(spool.setAside().orElseThrow().movedTo()).hasSize(size);
            assertThat(spool.oldest(10)).isEmpty();
        }
    }

    private static void overwrite(Path file, long position, int length) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(length), position);
        }
    }
}
