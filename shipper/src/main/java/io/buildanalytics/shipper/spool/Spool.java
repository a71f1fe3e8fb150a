package io.buildanalytics.shipper.spool;

import java.util.List;

/**
 * A durable FIFO of opaque records on local disk: what the build-finished callback writes and the delivery thread
 * drains. One process owns a spool directory at a time.
 *
 * <p>Contract: once {@link #append} returns, the record survives the process being killed ({@code kill -9}) at
 * any later moment; a record is gone only after {@link #remove} or when the disk budget drops it. Reopening a
 * spool after a crash yields exactly the records appended and not removed, in order, unchanged.
 *
 * <p>Thread-safe: any number of threads append; one consumer reads and removes (it may read on a second thread).
 */
public interface Spool extends AutoCloseable {

    /**
     * Stores one record durably and returns its sequence number (increasing, never reused, also across restarts).
     * When the records held would exceed the disk budget, the oldest are dropped first and counted.
     *
     * @throws SpoolException when the record alone is larger than the budget, or the disk write failed
     */
    long append(byte[] payload) throws SpoolException;

    /** Up to {@code maxRecords} of the oldest records, oldest first, without removing them. */
    List<SpoolRecord> oldest(int maxRecords);

    /**
     * Up to {@code maxRecords} of the oldest records whose sequence is above {@code sequence}, oldest first, without
     * removing them: the batch after one still in flight.
     */
    List<SpoolRecord> oldestAfter(long sequence, int maxRecords);

    /** Removes records by sequence (delivered or dead-lettered); unknown sequences are ignored. */
    void remove(List<Long> sequences) throws SpoolException;

    /** Counts for the status page. Cheap: no disk access. */
    SpoolStats stats();

    /** Flushes and releases the files. Idempotent. */
    @Override
    void close();
}
