package io.buildanalytics.teamcity.packaging;

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
        ReviewedList.assertMatches(scan.references(), HostApiReferencesIT.class, REVIEWED,
                PackagedPlugin.target().resolve("host-api-references.actual.txt"),
                "The plugin's use of the TeamCity OpenAPI",
                "Check each new line against host-api/teamcity/README.md (a member verified in the 8.1 jars or the "
                        + "2024.03 REST plugin)");
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
