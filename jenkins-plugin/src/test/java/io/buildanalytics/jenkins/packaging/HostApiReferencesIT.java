package io.buildanalytics.jenkins.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.checks.ClassPool;
import io.buildanalytics.checks.HostApiScan;
import io.buildanalytics.checks.ReviewedList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's own classes against the host mirror, read from the inner jar that ships (after shading, so a
 * relocation that touched a host package would show here too). Every use of the host API must link against the
 * mirror, and the set of uses must equal the reviewed list in {@code src/test/resources/host-api-references.txt}:
 * a new use of Jenkins API is then a deliberate, reviewed change to that file (and to the mirror, checked against
 * real Jenkins sources).
 *
 * <p>Why an integration test and not a unit test on target/classes: it checks the bytes that are shipped, and it
 * needs the inner jar to resolve members our classes inherit through the shared model and shipper classes.
 */
class HostApiReferencesIT {

    private static final String REVIEWED = "/host-api-references.txt";

    @TempDir
    static Path exploded;

    static HostApiScan.Result scan;
    static Map<String, byte[]> own;

    @BeforeAll
    static void scanTheShippedClasses() throws IOException {
        Path jarPath = PackagedPlugin.extractInnerJar(exploded);
        Map<String, byte[]> bundled = new LinkedHashMap<>();
        own = new LinkedHashMap<>();
        try (ZipFile jar = new ZipFile(jarPath.toFile())) {
            PackagedPlugin.classEntries(jar).forEach((entry, bytes) -> {
                if (PackagedPlugin.releaseOf(entry) != 0) {
                    return;
                }
                String name = entry.substring(0, entry.length() - ".class".length());
                bundled.put(name, bytes);
                if (name.startsWith(PackagedPlugin.OWN) && !name.startsWith(PackagedPlugin.SHADED)) {
                    own.put(name, bytes);
                }
            });
        }
        scan = HostApiScan.scan(own, new ClassPool(PackagedPlugin.HOST_PACKAGES, bundled, PackagedPlugin.mirrorClasses()));
    }

    @Test
    void everyHostReferenceLinksAgainstTheMirror() {
        assertThat(own).as("the plugin's own classes in the inner jar").hasSizeGreaterThan(10);
        assertThat(scan.problems()).as("linkage problems against the mirror").isEmpty();
    }

    @Test
    void hostReferencesAreTheReviewedList() throws IOException {
        ReviewedList.assertMatches(scan.references(), HostApiReferencesIT.class, REVIEWED,
                PackagedPlugin.target().resolve("host-api-references.actual.txt"),
                "The plugin's use of the Jenkins API",
                "Check each new line against the real Jenkins/stapler/credentials sources (and the mirror)");
    }

    @Test
    void theScanSeesTheUsesEveryJenkinsPluginMakes() {
        // Guards the scanner itself: if these disappear, the list above would pass for the wrong reason.
        assertThat(scan.references()).contains(
                "extends jenkins/model/GlobalConfiguration",
                "annotation hudson/Extension",
                "annotation org/kohsuke/stapler/DataBoundSetter",
                "overrides hudson/model/listeners/RunListener.onFinalized(Lhudson/model/Run;)V",
                "invokestatic jenkins/model/Jenkins.get()Ljenkins/model/Jenkins;");
    }
}
