package io.buildanalytics.teamcity.packaging;

import io.buildanalytics.checks.ClassPool;
import io.buildanalytics.checks.HostApiScan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's own classes, read from the server jar that ships, against the OpenAPI mirror. Every use of TeamCity's
 * API must link against the mirror, and the set of uses must equal the reviewed list in
 * {@code src/test/resources/host-api-references.txt}: a new use of the OpenAPI is then a deliberate, reviewed change
 * to that file and to the mirror (host-api/teamcity/README.md records the evidence for each member).
 */
class HostApiReferencesIT {

    private static final String REVIEWED = "/host-api-references.txt";

    @TempDir
    static Path exploded;

    static HostApiScan.Result scan;
    static Map<String, byte[]> own;

    @BeforeAll
    static void scanTheShippedClasses() throws IOException {
        Map<String, byte[]> bundled;
        try (ZipFile jar = new ZipFile(PackagedPlugin.extractServerJar(exploded).toFile())) {
            bundled = PackagedPlugin.baseClasses(jar);
        }
        own = new LinkedHashMap<>();
        bundled.forEach((name, bytes) -> {
            if (name.startsWith(PackagedPlugin.OWN) && !name.startsWith(PackagedPlugin.SHADED)) {
                own.put(name, bytes);
            }
        });
        scan = HostApiScan.scan(own, new ClassPool(PackagedPlugin.HOST_PACKAGES, bundled,
                PackagedPlugin.mirrorClasses()));
    }

    @Test
    void everyTeamCityReferenceLinksAgainstTheMirror() {
        assertThat(own).as("the plugin's own classes in the server jar").hasSizeGreaterThan(10);
        assertThat(scan.problems()).as("linkage problems of the plugin's classes against the OpenAPI mirror")
                .isEmpty();
    }

    @Test
    void teamCityReferencesAreTheReviewedList() throws IOException {
        Set<String> actual = new TreeSet<>(scan.references());
        Set<String> reviewed = new TreeSet<>();
        try (InputStream in = HostApiReferencesIT.class.getResourceAsStream(REVIEWED)) {
            assertThat(in).as("src/test/resources" + REVIEWED).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(reviewed::add);
        }
        if (actual.equals(reviewed)) {
            return;
        }
        Path written = PackagedPlugin.target().resolve("host-api-references.actual.txt");
        Files.write(written, actual, StandardCharsets.UTF_8);
        List<String> diff = new ArrayList<>();
        actual.stream().filter(line -> !reviewed.contains(line)).forEach(line -> diff.add("+ " + line));
        reviewed.stream().filter(line -> !actual.contains(line)).forEach(line -> diff.add("- " + line));
        throw new AssertionError("The plugin's use of the TeamCity OpenAPI differs from the reviewed list "
                + "(+ used but not reviewed, - reviewed but no longer used):\n  " + String.join("\n  ", diff)
                + "\nCheck each new line against host-api/teamcity/README.md (a member verified in the 8.1 jars or "
                + "the 2024.03 REST plugin), then copy " + written + " over src/test/resources" + REVIEWED
                + " (keep its header).");
    }

    @Test
    void theScanSeesTheUsesEveryTeamCityPluginMakes() {
        // Guards the scanner itself: if these disappear, the list above would pass for the wrong reason.
        assertThat(scan.references()).contains(
                "extends jetbrains/buildServer/serverSide/BuildServerAdapter",
                "extends jetbrains/buildServer/controllers/admin/AdminPage",
                "extends jetbrains/buildServer/controllers/BaseController",
                "overrides jetbrains/buildServer/serverSide/BuildServerAdapter.buildFinished"
                        + "(Ljetbrains/buildServer/serverSide/SRunningBuild;)V",
                "invokeinterface jetbrains/buildServer/web/openapi/WebControllerManager.registerController"
                        + "(Ljava/lang/String;Lorg/springframework/web/servlet/mvc/Controller;)V");
    }
}
