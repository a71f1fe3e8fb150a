package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha1Test {

    @TempDir
    Path directory;

    @Test
    void hashesAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        // FIPS 180-2 test vector.
        assertThat(Sha1.of(file)).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void hashesAFileLargerThanTheReadBuffer() throws Exception {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(directory.resolve("large.bin"), content);

        // Value from Python's hashlib for the same bytes.
        assertThat(Sha1.of(file)).isEqualTo("00b8486452834934362997f9841e1315e36d99c0");
    }

    @Test
    void readsBareAndSha1sumStyleChecksumFiles() {
        assertThat(Sha1.parseChecksumFile("A9993E364706816ABA3E25717850C26C9CD0D89D\n", "test"))
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(Sha1.parseChecksumFile("a9993e364706816aba3e25717850c26c9cd0d89d  abc.txt\n", "test"))
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void rejectsAChecksumFileWithoutAChecksum() {
        assertThatThrownBy(() -> Sha1.parseChecksumFile("<html>Not Found</html>", "https://repo/x.zip.sha1"))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("No SHA-1 checksum in https://repo/x.zip.sha1");
    }

    @Test
    void verificationNamesBothChecksumsOnMismatch() throws Exception {
        Path file = Files.writeString(directory.resolve("abc.txt"), "abd", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Sha1.verify(Sha1.of(file), "a9993e364706816aba3e25717850c26c9cd0d89d", "abc.txt"))
                .isInstanceOf(LocalEngineException.class)
                .hasMessageContaining("SHA-1 mismatch for abc.txt")
                .hasMessageContaining("expected a9993e364706816aba3e25717850c26c9cd0d89d")
                .hasMessageContaining("got cb4cc28df0fdbe0ecf9d9662e294b118092a5735");
    }
}
