package io.buildanalytics.shipper.delivery;

import io.buildanalytics.shipper.backend.BackendException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests to the engine on a thread of their own, so that stopping can interrupt a request in progress
 * (the clients' blocking calls wait on futures that closing the client alone never completes) without ever
 * interrupting the delivery thread, whose spool writes must not be cut off halfway.
 */
final class EngineCalls implements AutoCloseable {

    /** A request to the engine. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws BackendException;
    }

    private final ExecutorService requests = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "build-analytics-request");
        thread.setDaemon(true);
        // Client libraries look up service providers through the context class loader: make it ours, not the
        // host's (a CI server plugin's classes are invisible to the server's own class loaders).
        thread.setContextClassLoader(EngineCalls.class.getClassLoader());
        return thread;
    });

    <T> T run(Call<T> call) throws BackendException {
        Future<T> result;
        try {
            result = requests.submit(call::run);
        } catch (RejectedExecutionException stopped) {
            throw stopped("the shipper is stopping", stopped);
        }
        try {
            return result.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof BackendException backendException) {
                throw backendException;
            }
            if (requests.isShutdown()) {
                // close() interrupted the request; clients report that in their own ways (the Elasticsearch REST
                // client as a RuntimeException), and it is a stop, not a failure.
                throw stopped("the shipper is stopping", cause);
            }
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw stopped("interrupted", interrupted);
        }
    }

    /** Interrupts a request in progress and refuses new ones; waits briefly for the request thread to end. */
    @Override
    public void close() {
        requests.shutdownNow();
        try {
            requests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BackendException stopped(String why, Throwable cause) {
        return new BackendException(BackendException.Problem.UNREACHABLE, "Request abandoned: " + why + ".", cause);
    }
}
