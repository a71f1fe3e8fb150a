package io.buildanalytics.shipper.spool;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * The {@link Spool} as one H2 MVStore file, {@value #FILE_NAME}, in the spool directory.
 *
 * <p><b>Why MVStore.</b> It is one pure-Java jar with no native code and, with auto-commit off, no threads of its
 * own, so it sits quietly inside a CI server's JVM. Its format is copy-on-write and append-only: a commit never
 * overwrites what the previous commit needs, so a process killed mid-write leaves the last committed version
 * readable, and reopening finds it. Rejected: Square Tape (2.0 still beta, unmaintained since 2017); Chronicle
 * Queue (off-heap, needs {@code --add-opens} and other JVM flags on Java 17+, heavy inside a CI server); SQLite JDBC
 * (native libraries per platform, about 13 MB, and native-library clashes between class loaders in Jenkins
 * plugins); a hand-written log (crash recovery and compaction are not what this project is about).
 *
 * <p><b>Durability.</b> {@link #append} and {@link #remove} commit before they return: the changed pages reach the
 * operating system with a plain write, never with fsync ({@link UnsyncedFileStore}). That survives {@code kill -9}
 * of the JVM at any moment, because the kernel keeps what was written. A power loss or kernel crash may lose the
 * last seconds of records, or worse, since replaced chunks are reused at once (retention time 0): that is out of
 * scope, since an fsync per finished build would cost milliseconds, on a busy disk far more. Reopening after a kill
 * goes around an MVStore bug that loses committed data ({@link CrashSafeClose}).
 *
 * <p><b>Concurrency.</b> One lock serializes all writes together with their commits, so the file always holds the
 * state between two operations and the persisted counters (next sequence, dropped) always agree with the records.
 * An append holds it for a few tens of microseconds. {@link #oldest} reads a snapshot without it.
 *
 * <p><b>Disk use.</b> The payload bytes held never exceed the budget: an append that would exceed it drops the
 * oldest records first. The file is bigger than the payloads it holds (B-tree pages, one chunk per commit, free
 * space between chunks); {@link ChunkCompaction} keeps it at most {@value #FILE_SIZE_FACTOR} times the budget plus
 * {@value #FILE_SIZE_SLACK_MIB} MiB under sustained load (measured: 2.7 times with 1 KB records through an outage
 * that fills the budget; 4.6 times without compaction), and it shrinks again once the consumer has caught up.
 *
 * <p><b>One owner.</b> The store holds an OS file lock on the file while open, so a second process gets a
 * {@link SpoolException}; a second open in this JVM is refused before touching the file
 * ({@link OpenSpoolDirectories}).
 *
 * <p><b>Unreadable file.</b> If the file cannot be read at open (garbage, truncated, a damaged page; every record
 * is read once at open to find out), it is renamed to {@code spool.mv.unreadable-<UTC time>}, the spool starts
 * empty, a warning is logged and {@link #setAside()} reports it, so the CI server still starts and the status page
 * can say what was lost. MVStore checks page structure, not content: a flipped byte inside a payload goes unseen.
 *
 * <p><b>After a disk error</b> (disk full, I/O error) while writing, the store closes itself without committing
 * the failed operation; every later call fails with a {@link SpoolException} (or, for the methods that cannot
 * throw one, an {@link IllegalStateException}) naming the cause. What was committed before is safe; closing and
 * opening the spool again resumes from it.
 */
public final class MvStoreSpool implements Spool {

    static final String FILE_NAME = "spool.mv";
    static final int FILE_SIZE_FACTOR = 3;
    static final int FILE_SIZE_SLACK_MIB = 4;

    private static final System.Logger LOG = System.getLogger(MvStoreSpool.class.getName());
    private static final String RECORDS = "records";
    private static final String COUNTERS = "counters";
    private static final String NEXT_SEQUENCE = "nextSequence";
    private static final String DROPPED = "dropped";
    private static final String OPENS = "opens";
    private static final long FIRST_SEQUENCE = 1;

    private final Path directory;
    private final long budgetBytes;
    private final MVStore store;
    private final MVMap<Long, byte[]> records;
    private final MVMap<String, Long> counters;
    private final ChunkCompaction compaction;
    private final SetAsideFile setAside;
    private final ReentrantLock writeLock = new ReentrantLock();

    // Guarded by writeLock.
    private long nextSequence;
    private long recordCount;
    private long payloadBytes;
    private long dropped;

    private volatile boolean closed;
    private volatile RuntimeException failure;
    private volatile SpoolStats stats;

    private MvStoreSpool(Path directory, long budgetBytes, MVStore store, SetAsideFile setAside) {
        this.directory = directory;
        this.budgetBytes = budgetBytes;
        this.store = store;
        this.setAside = setAside;
        this.records = store.openMap(RECORDS,
                new MVMap.Builder<Long, byte[]>().keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
        this.counters = store.openMap(COUNTERS,
                new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
        this.compaction = new ChunkCompaction(store, budgetBytes);
        long lastSequence = FIRST_SEQUENCE - 1;
        // Reading every record is the only way to know none is damaged; a damaged one found later would block
        // the consumer forever.
        for (Cursor<Long, byte[]> cursor = records.cursor(null); cursor.hasNext(); ) {
            lastSequence = cursor.next();
            recordCount++;
            payloadBytes += cursor.getValue().length;
        }
        this.nextSequence = Math.max(lastSequence + 1, counters.getOrDefault(NEXT_SEQUENCE, FIRST_SEQUENCE));
        this.dropped = counters.getOrDefault(DROPPED, 0L);
        // Over budget when the budget was lowered since the last run.
        long droppedBytes = payloadBytes > budgetBytes ? dropOldestUntilFree(0) : 0;
        // Commit once at open, even with nothing to change: see CrashSafeClose.
        counters.put(OPENS, counters.getOrDefault(OPENS, 0L) + 1);
        store.commit();
        compaction.afterCommit(droppedBytes);
        publishStats();
    }

    /**
     * Opens the spool in {@code directory}, creating both if needed.
     *
     * @param budgetBytes the most payload bytes to hold; older records are dropped beyond it
     * @throws SpoolException when the directory cannot be created, another process or another spool in this JVM
     *                        has it open, or the file is not writable
     */
    public static MvStoreSpool open(Path directory, long budgetBytes) throws SpoolException {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("The spool budget must be a positive number of bytes, not "
                    + budgetBytes);
        }
        Path home = createDirectory(directory);
        OpenSpoolDirectories.claim(home);
        boolean opened = false;
        try {
            MvStoreSpool spool = openClaimed(home, budgetBytes);
            opened = true;
            return spool;
        } finally {
            if (!opened) {
                OpenSpoolDirectories.release(home);
            }
        }
    }

    private static MvStoreSpool openClaimed(Path home, long budgetBytes) throws SpoolException {
        Path file = home.resolve(FILE_NAME);
        try {
            return load(home, budgetBytes, file, null);
        } catch (RuntimeException unreadable) {
            SetAsideFile setAside = SetAsideFile.moveAside(file, unreadable);
            LOG.log(Level.WARNING, setAside.message(), unreadable);
            try {
                return load(home, budgetBytes, file, setAside);
            } catch (RuntimeException e) {
                throw new SpoolException("A new spool file " + file + " could not be created after moving the "
                        + "unreadable one aside: " + e.getMessage(), e);
            }
        }
    }

    /** @throws RuntimeException when the file exists but cannot be read */
    private static MvStoreSpool load(Path home, long budgetBytes, Path file, SetAsideFile setAside)
            throws SpoolException {
        MVStore store = openStore(file);
        try {
            return new MvStoreSpool(home, budgetBytes, store, setAside);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    /** @throws RuntimeException when the file exists but cannot be read */
    private static MVStore openStore(Path file) throws SpoolException {
        UnsyncedFileStore fileStore = new UnsyncedFileStore();
        MVStore store;
        try {
            fileStore.open(file.toString(), false, (char[]) null);
            store = new MVStore.Builder()
                    .adoptFileStore(fileStore)
                    // No background writer thread: we commit ourselves, on every operation.
                    .autoCommitDisabled()
                    // autoCommitDisabled() alone still commits from inside a write when unsaved changes pile up,
                    // which could persist half of one of our operations.
                    .autoCommitBufferSize(0)
                    .open();
        } catch (MVStoreException e) {
            closeQuietly(fileStore);
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new SpoolException("The spool file " + file + " is in use by another process; only one "
                        + "process at a time may use a spool directory.", e);
            }
            throw unlessMissing(file, e);
        } catch (RuntimeException e) {
            // Some kinds of damage surface as plain runtime exceptions from the page decoder.
            closeQuietly(fileStore);
            throw unlessMissing(file, e);
        }
        if (store.isReadOnly()) {
            store.closeImmediately();
            throw new SpoolException("The spool file " + file + " is not writable by this process; check its owner "
                    + "and permissions.");
        }
        // Retaining replaced chunks (45 s by default) guards against power loss, which is out of scope, and with
        // one commit per record it grows the file by hundreds of megabytes a minute. Not persisted: set each open.
        store.setRetentionTime(0);
        return store;
    }

    /** A failed open may or may not have closed the file already; it must be closed before moving it aside. */
    private static void closeQuietly(UnsyncedFileStore fileStore) {
        try {
            fileStore.close();
        } catch (RuntimeException alreadyClosed) {
            // Nothing left to release.
        }
    }

    /** A file that is not there was not unreadable: it could not be created, and moving it aside cannot help. */
    private static RuntimeException unlessMissing(Path file, RuntimeException e) throws SpoolException {
        if (!Files.exists(file)) {
            throw new SpoolException("The spool file " + file + " could not be created: " + e.getMessage(), e);
        }
        return e;
    }

    private static Path createDirectory(Path directory) throws SpoolException {
        try {
            return Files.createDirectories(directory).toRealPath();
        } catch (IOException e) {
            throw new SpoolException("The spool directory " + directory + " could not be created: " + e, e);
        }
    }

    @Override
    public long append(byte[] payload) throws SpoolException {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > budgetBytes) {
            throw new SpoolException("A record of " + payload.length + " bytes is larger than the whole spool "
                    + "budget of " + budgetBytes + " bytes, so it was not stored; raise the spool size limit.");
        }
        // The caller may reuse its array; the store keeps the object, not a copy.
        byte[] stored = payload.clone();
        writeLock.lock();
        try {
            checkWritable();
            try {
                long sequence = nextSequence;
                counters.put(NEXT_SEQUENCE, sequence + 1);
                long droppedBytes = dropOldestUntilFree(stored.length);
                records.put(sequence, stored);
                store.commit();
                nextSequence = sequence + 1;
                recordCount++;
                payloadBytes += stored.length;
                publishStats();
                compaction.afterCommit(stored.length + droppedBytes);
                return sequence;
            } catch (RuntimeException e) {
                throw fail("store a record", e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Drops the oldest records until {@code needed} more bytes fit the budget. The caller commits.
     *
     * @return the payload bytes dropped
     */
    private long dropOldestUntilFree(long needed) {
        long droppedBytes = 0;
        long droppedRecords = 0;
        while (payloadBytes - droppedBytes + needed > budgetBytes) {
            Long oldest = records.firstKey();
            if (oldest == null) {
                break;
            }
            droppedBytes += records.remove(oldest).length;
            droppedRecords++;
        }
        if (droppedRecords > 0) {
            counters.put(DROPPED, dropped + droppedRecords);
            dropped += droppedRecords;
            recordCount -= droppedRecords;
            payloadBytes -= droppedBytes;
        }
        return droppedBytes;
    }

    @Override
    public List<SpoolRecord> oldest(int maxRecords) {
        return read(null, maxRecords);
    }

    @Override
    public List<SpoolRecord> oldestAfter(long sequence, int maxRecords) {
        return sequence == Long.MAX_VALUE ? new ArrayList<>() : read(sequence + 1, maxRecords);
    }

    /** Up to {@code maxRecords} records from {@code from} on (from the first when null). */
    private List<SpoolRecord> read(Long from, int maxRecords) {
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords must not be negative, was " + maxRecords);
        }
        checkReadable();
        List<SpoolRecord> head = new ArrayList<>(Math.min(maxRecords, 1024));
        if (maxRecords == 0) {
            return head;
        }
        // Without the pin, commits racing this read could reuse the chunks of the version being read.
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            for (Cursor<Long, byte[]> cursor = records.cursor(from); cursor.hasNext() && head.size() < maxRecords; ) {
                long sequence = cursor.next();
                head.add(new SpoolRecord(sequence, cursor.getValue().clone()));
            }
        } catch (MVStoreException e) {
            throw new IllegalStateException("The spool file in " + directory + " could not be read: "
                    + e.getMessage(), e);
        } finally {
            store.deregisterVersionUsage(pin);
        }
        return head;
    }

    @Override
    public void remove(List<Long> sequences) throws SpoolException {
        Objects.requireNonNull(sequences, "sequences");
        writeLock.lock();
        try {
            checkWritable();
            try {
                long removedRecords = 0;
                long removedBytes = 0;
                for (Long sequence : sequences) {
                    byte[] gone = sequence == null ? null : records.remove(sequence);
                    if (gone != null) {
                        removedRecords++;
                        removedBytes += gone.length;
                    }
                }
                if (removedRecords == 0) {
                    return;
                }
                store.commit();
                recordCount -= removedRecords;
                payloadBytes -= removedBytes;
                publishStats();
                compaction.afterCommit(removedBytes);
            } catch (RuntimeException e) {
                throw fail("remove records", e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public SpoolStats stats() {
        return stats;
    }

    /** The unreadable file this open moved aside, if it had to. */
    public Optional<SetAsideFile> setAside() {
        return Optional.ofNullable(setAside);
    }

    /** Where the spool keeps its file. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (failure == null) {
                CrashSafeClose.close(store);
            } else {
                store.closeImmediately();
            }
        } catch (RuntimeException e) {
            // Everything acknowledged was committed already.
            LOG.log(Level.WARNING, "Closing the spool in " + directory + " failed; its records are safe: " + e, e);
            store.closeImmediately();
        } finally {
            OpenSpoolDirectories.release(directory);
            writeLock.unlock();
        }
    }

    private void publishStats() {
        stats = new SpoolStats(recordCount, payloadBytes, budgetBytes, dropped);
    }

    private void checkWritable() throws SpoolException {
        if (closed) {
            throw new SpoolException("The spool in " + directory + " is closed.");
        }
        RuntimeException cause = failure;
        if (cause != null) {
            throw new SpoolException(stoppedMessage(cause), cause);
        }
    }

    private void checkReadable() {
        if (closed) {
            throw new IllegalStateException("The spool in " + directory + " is closed.");
        }
        RuntimeException cause = failure;
        if (cause != null) {
            throw new IllegalStateException(stoppedMessage(cause), cause);
        }
    }

    /** Closes the store without committing the half-done operation; the file keeps the last commit. */
    private SpoolException fail(String action, RuntimeException cause) {
        failure = cause;
        store.closeImmediately();
        LOG.log(Level.ERROR, stoppedMessage(cause), cause);
        return new SpoolException("Could not " + action + " in the spool file in " + directory + ": "
                + cause.getMessage() + ". The spool stopped; records stored before are safe, and reopening the "
                + "spool resumes from them.", cause);
    }

    private String stoppedMessage(RuntimeException cause) {
        return "The spool in " + directory + " stopped after a write failed (" + cause.getMessage() + "); records "
                + "stored before are safe, and reopening the spool resumes from them.";
    }
}
