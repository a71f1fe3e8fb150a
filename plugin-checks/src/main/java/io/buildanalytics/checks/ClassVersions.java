package io.buildanalytics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which class files of a jar a JVM of a given release could not load. */
public final class ClassVersions {

    private ClassVersions() {
    }

    /**
     * Base entries must be at most {@code baseRelease}; a multi-release entry under META-INF/versions/n/ at most n
     * (the JVM reads it on Java n and later only).
     *
     * @return one line per class file that is too new, empty when all load
     */
    public static List<String> tooNew(Map<String, byte[]> classEntries, int baseRelease) {
        List<String> tooNew = new ArrayList<>();
        classEntries.forEach((entry, bytes) -> {
            int release = Archives.releaseOf(entry);
            int allowed = 44 + (release == 0 ? baseRelease : release);
            int major = ClassModel.of(bytes).major;
            if (major > allowed) {
                tooNew.add(entry + " is major " + major + " (allowed " + allowed + ")");
            }
        });
        return tooNew;
    }

    /** Whether the jar has multi-release entries, which its manifest must then declare. */
    public static boolean hasVersionedEntries(Map<String, byte[]> classEntries) {
        return classEntries.keySet().stream().anyMatch(entry -> Archives.releaseOf(entry) > 0);
    }
}
