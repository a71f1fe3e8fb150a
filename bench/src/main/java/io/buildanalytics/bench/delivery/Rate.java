package io.buildanalytics.bench.delivery;

/** Events delivered in a measured time, and the CPU time this JVM spent meanwhile (all its threads). */
record Rate(long events, long nanos, long cpuNanos) {

    static long cpuNow() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Rate since(long startNanos, long startCpuNanos, long events) {
        return new Rate(events, System.nanoTime() - startNanos, cpuNow() - startCpuNanos);
    }

    double cpuMicrosPerEvent() {
        return cpuNanos / 1e3 / events;
    }

    double perSecond() {
        return events / seconds();
    }

    double seconds() {
        return nanos / 1e9;
    }
}
