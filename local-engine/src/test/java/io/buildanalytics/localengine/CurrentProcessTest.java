package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentProcessTest {

    @Test
    void takesTheSecondFieldOfTheUidLine() {
        List<String> status = List.of("Name:\tjava", "Umask:\t0022", "Uid:\t1000\t0\t0\t0", "Gid:\t1000\t1000\t1000\t1000");

        assertThat(CurrentProcess.parseEffectiveUid(status)).isZero();
    }

    @Test
    void agreesWithTheOwnerOfProcSelf() throws Exception {
        // /proc/self belongs to the effective uid of whoever looks at it.
        Object owner = Files.getAttribute(Path.of("/proc/self/"), "unix:uid");

        assertThat(CurrentProcess.effectiveUid()).isEqualTo(((Integer) owner).longValue());
        assertThat(CurrentProcess.isRoot()).isEqualTo(((Integer) owner) == 0);
    }
}
