package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsFileTest {

    @TempDir
    Path directory;

    @Test
    void readsThePortOfTheFirstAddress() {
        assertThat(PortsFile.parse("127.0.0.1:35401\n")).hasValue(35401);
        assertThat(PortsFile.parse("[::1]:9201\n127.0.0.1:9201\n")).hasValue(9201);
    }

    @Test
    void isEmptyUntilTheNodeWroteTheFile() throws Exception {
        Path file = directory.resolve("http.ports");
        assertThat(PortsFile.read(file)).isEmpty();

        Files.writeString(file, "127.0.0.1:41234\n");
        assertThat(PortsFile.read(file)).hasValue(41234);
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> PortsFile.parse("127.0.0.1:http\n")).hasMessageContaining("127.0.0.1:http");
        assertThat(PortsFile.parse("")).isEmpty();
    }
}
