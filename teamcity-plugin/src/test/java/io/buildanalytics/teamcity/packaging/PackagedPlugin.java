package io.buildanalytics.teamcity.packaging;

import io.buildanalytics.checks.Archives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What {@code package} built, read as TeamCity reads it: {@code target/build-analytics.zip}, the server jar inside it,
 * and the OpenAPI mirror the plugin is compiled against (on the test class path with provided scope).
 */
final class PackagedPlugin {

    /** The plugin's name: the zip's name, the descriptor's {@code <info><name>}, the admin tab id. */
    static final String NAME = "build-analytics";
    static final String DESCRIPTOR_ENTRY = "teamcity-plugin.xml";
    static final String SERVER_JAR_ENTRY = "server/" + NAME + ".jar";
    /** The plugin's own classes (not the shared model or the shipper, not the shaded libraries). */
    static final String OWN = "io/buildanalytics/teamcity/";
    /** Every bundled third-party package lives under this prefix. */
    static final String SHADED = "io/buildanalytics/teamcity/shaded/";

    /**
     * Packages the TeamCity server provides: its OpenAPI (jetbrains/, mirrored by io.buildanalytics:host-api-teamcity)
     * and the IntelliJ platform utilities it is built on (com/intellij/, not mirrored: the plugin must not use them).
     */
    static final List<String> HOST_PACKAGES = List.of("jetbrains/", "com/intellij/");
    /** Real APIs TeamCity provides and the plugin compiles against with provided scope (on the test class path). */
    static final List<String> PROVIDED_APIS = List.of("javax/servlet/", "org/springframework/", "org/apache/log4j/");

    static boolean isHost(String internalName) {
        return HOST_PACKAGES.stream().anyMatch(internalName::startsWith);
    }

    private PackagedPlugin() {
    }

    static Path target() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    static Path zip() {
        Path zip = target().resolve(NAME + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: these tests run after 'package' (mvn verify)");
        }
        return zip;
    }

    static String projectVersion() {
        String version = System.getProperty("buildanalytics.project.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property buildanalytics.project.version is not set (failsafe sets it)");
        }
        return version;
    }

    /** Copies server/build-analytics.jar out of the zip, as TeamCity does when it unpacks the plugin. */
    static Path extractServerJar(Path directory) throws IOException {
        return Archives.extract(zip(), SERVER_JAR_ENTRY, directory.resolve(NAME + ".jar"));
    }

    static byte[] read(ZipFile zip, String name) {
        return Archives.read(zip, name);
    }

    static Set<String> entryNames(ZipFile zip) {
        return Archives.entryNames(zip);
    }

    /** Class entries by entry name, with their bytes; multi-release entries keep their META-INF/versions/n/ path. */
    static Map<String, byte[]> classEntries(ZipFile zip) {
        return Archives.classEntries(zip);
    }

    /** Base (not multi-release) classes by internal name. */
    static Map<String, byte[]> baseClasses(ZipFile zip) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classEntries(zip).forEach((entry, bytes) -> {
            if (releaseOf(entry) == 0 && !entry.endsWith("module-info.class")) {
                classes.put(internalName(entry), bytes);
            }
        });
        return classes;
    }

    /** Ours, not a bundled library: io/buildanalytics/** (plugin, shared model, shipper) outside the shaded tree. */
    static boolean isOurs(String internalName) {
        return internalName.startsWith("io/buildanalytics/") && !internalName.startsWith(SHADED);
    }

    /** The Java release a multi-release entry is for, or 0 for a base entry. */
    static int releaseOf(String entryName) {
        return Archives.releaseOf(entryName);
    }

    /** The entry's name as a class path resource: without its META-INF/versions/n/ prefix. */
    static String unversioned(String entryName) {
        return Archives.unversioned(entryName);
    }

    /** io/buildanalytics/X.class (or META-INF/versions/n/io/buildanalytics/X.class) → io/buildanalytics/X. */
    static String internalName(String classEntry) {
        String path = unversioned(classEntry);
        return path.substring(0, path.length() - ".class".length());
    }

    /** The static final String constants a class file declares (ConstantValue attributes), read without loading it. */
    static Map<String, String> stringConstants(byte[] classFile) {
        Map<String, String> constants = new LinkedHashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & Opcodes.ACC_STATIC) != 0 && value instanceof String text) {
                    constants.put(name, text);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return constants;
    }

    /** Jar or classes directory of the OpenAPI mirror (io.buildanalytics:host-api-teamcity, provided scope). */
    static Path mirrorLocation() {
        return Archives.locationOf(jetbrains.buildServer.serverSide.SBuildServer.class);
    }

    /** Internal names (jetbrains/buildServer/serverSide/SBuild) of every class in the mirror, with their bytes. */
    static Map<String, byte[]> mirrorClasses() throws IOException {
        Map<String, byte[]> classes = Archives.classesAt(mirrorLocation());
        if (!classes.keySet().stream().allMatch(PackagedPlugin::isHost)) {
            throw new IllegalStateException("Expected the OpenAPI mirror (jetbrains/** classes only) at "
                    + mirrorLocation());
        }
        return classes;
    }
}
