package io.buildanalytics.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the numbers were measured on; without it a figure means nothing to the next reader.
 *
 * @param cpu          the processor's model name, as the kernel reports it
 * @param cores        processors available to the JVM
 * @param memoryBytes  physical memory
 * @param jvm          vendor, runtime version and the heap limit of the JVM that ran the suite
 * @param os           name, version and architecture
 */
public record Machine(String cpu, int cores, long memoryBytes, String jvm, String os) {

    public static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String jvm = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + "m";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory, jvm, os);
    }

    public String oneLine() {
        return cores + " cores (" + cpu + "), " + String.format(java.util.Locale.ROOT, "%.1f", memoryBytes / 1073741824.0)
                + " GiB memory, " + jvm + ", " + os;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown processor";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown processor");
        } catch (IOException | RuntimeException e) {
            return "unknown processor";
        }
    }
}
