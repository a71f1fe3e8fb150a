package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmOptionsRewriterTest {

    private static final Path LOGS = Path.of("/var/tmp/engines/instances/opensearch-1/logs");

    @Test
    void relocatesOpenSearchRelativePaths() {
        String options = String.join("\n",
                "-Xms1g",
                "-XX:HeapDumpPath=data",
                "-XX:ErrorFile=logs/hs_err_pid%p.log",
                "8:-Xloggc:logs/gc.log",
                "9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m",
                "");

        String rewritten = JvmOptionsRewriter.rewrite(options, LOGS);

        assertThat(rewritten).isEqualTo(String.join("\n",
                "-Xms1g",
                "-XX:HeapDumpPath=/var/tmp/engines/instances/opensearch-1/logs",
                "-XX:ErrorFile=/var/tmp/engines/instances/opensearch-1/logs/hs_err_pid%p.log",
                "8:-Xloggc:/var/tmp/engines/instances/opensearch-1/logs/gc.log",
                "9-:-Xlog:gc*,gc+age=trace,safepoint:file=/var/tmp/engines/instances/opensearch-1/logs/gc.log"
                        + ":utctime,pid,tags:filecount=32,filesize=64m",
                ""));
    }

    @Test
    void relocatesElasticsearchRelativePaths() {
        String options = "-XX:ErrorFile=hs_err_pid%p.log\n"
                + "-Xlog:gc*,gc+age=trace,safepoint:file=gc.log:utctime,level,pid,tags:filecount=32,filesize=64m\n";

        assertThat(JvmOptionsRewriter.rewrite(options, LOGS)).isEqualTo(
                "-XX:ErrorFile=/var/tmp/engines/instances/opensearch-1/logs/hs_err_pid%p.log\n"
                        + "-Xlog:gc*,gc+age=trace,safepoint:file=/var/tmp/engines/instances/opensearch-1/logs/gc.log"
                        + ":utctime,level,pid,tags:filecount=32,filesize=64m\n");
    }

    @Test
    void leavesAbsolutePathsCommentsAndOtherOptionsAlone() {
        String options = "## -XX:HeapDumpPath=data\n"
                + "# -XX:HeapDumpPath=/heap/dump/path\n"
                + "-XX:ErrorFile=/tmp/hs_err.log\n"
                + "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}\n"
                + "-XX:+UseG1GC";

        assertThat(JvmOptionsRewriter.rewrite(options, LOGS)).isEqualTo(options);
    }
}
