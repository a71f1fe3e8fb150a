package io.buildanalytics.shipper.backend;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the I/O threads a backend's HTTP client starts after the backend, so a thread dump in Jenkins or
 * TeamCity shows whose they are, and a test can prove {@link Backend#close()} ended them all. Daemon threads:
 * a backend someone forgot to close must not keep the JVM alive.
 */
final class NamedThreads implements ThreadFactory {

    /** Every backend thread's name starts with this. */
    static final String PREFIX = "build-analytics-";

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    NamedThreads(String purpose) {
        this.prefix = PREFIX + purpose + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        // Client libraries find service providers through the context class loader: ours, not the host's.
        thread.setContextClassLoader(NamedThreads.class.getClassLoader());
        return thread;
    }
}
