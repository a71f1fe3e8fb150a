package io.buildanalytics.shipper;

import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.EngineConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link Shipper} needs, as the admin page or the command line gathered it. Immutable; start from
 * {@link #defaults} and change what you need.
 *
 * @param connection      where events go
 * @param naming          index prefix, template and alias names
 * @param rules           how deployments are recognised
 * @param sender          ECS {@code agent.type}/{@code agent.version} of the events
 * @param dataDirectory   the spool and the dead-letter file live here (e.g. under JENKINS_HOME)
 * @param diskBudgetBytes most bytes of facts the spool holds; past it the oldest are dropped and counted
 * @param batchSize       most events per {@code _bulk} request
 * @param maxBatchBytes   most bytes per {@code _bulk} request (engines refuse bodies above 100 MB by default)
 * @param linger          how long a partly filled batch waits for more events
 * @param minBackoff      first wait after a failed delivery
 * @param maxBackoff      longest wait between attempts while the engine stays unavailable
 */
public record ShipperSettings(EngineConnection connection, IndexNaming naming, DeploymentRules rules, Sender sender,
                              Path dataDirectory, long diskBudgetBytes, int batchSize, long maxBatchBytes,
                              Duration linger, Duration minBackoff, Duration maxBackoff) {

    public static final long DEFAULT_DISK_BUDGET = 256L * 1024 * 1024;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final long DEFAULT_MAX_BATCH_BYTES = 8L * 1024 * 1024;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(500);
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    public ShipperSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (diskBudgetBytes < 1024 * 1024) {
            throw new IllegalArgumentException("Disk budget must be at least 1 MB, not " + diskBudgetBytes + " bytes");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("Batch size must be between 1 and 10000, not " + batchSize);
        }
        if (maxBatchBytes < 64 * 1024) {
            throw new IllegalArgumentException("Batch bytes must be at least 64 KB, not " + maxBatchBytes);
        }
        requireNotNegative(linger, "Linger");
        requirePositive(minBackoff, "Minimum backoff");
        requirePositive(maxBackoff, "Maximum backoff");
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("Maximum backoff must not be shorter than the minimum");
        }
    }

    public static ShipperSettings defaults(EngineConnection connection, Sender sender, Path dataDirectory) {
        return new ShipperSettings(connection, IndexNaming.defaults(), DeploymentRules.explicitOnly(), sender,
                dataDirectory, DEFAULT_DISK_BUDGET, DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCH_BYTES, DEFAULT_LINGER,
                DEFAULT_MIN_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    public ShipperSettings withConnection(EngineConnection value) {
        return new ShipperSettings(value, naming, rules, sender, dataDirectory, diskBudgetBytes, batchSize,
                maxBatchBytes, linger, minBackoff, maxBackoff);
    }

    public ShipperSettings withNaming(IndexNaming value) {
        return new ShipperSettings(connection, value, rules, sender, dataDirectory, diskBudgetBytes, batchSize,
                maxBatchBytes, linger, minBackoff, maxBackoff);
    }

    public ShipperSettings withRules(DeploymentRules value) {
        return new ShipperSettings(connection, naming, value, sender, dataDirectory, diskBudgetBytes, batchSize,
                maxBatchBytes, linger, minBackoff, maxBackoff);
    }

    public ShipperSettings withDiskBudget(long bytes) {
        return new ShipperSettings(connection, naming, rules, sender, dataDirectory, bytes, batchSize,
                maxBatchBytes, linger, minBackoff, maxBackoff);
    }

    public ShipperSettings withBatching(int size, long maxBytes, Duration lingerTime) {
        return new ShipperSettings(connection, naming, rules, sender, dataDirectory, diskBudgetBytes, size,
                maxBytes, lingerTime, minBackoff, maxBackoff);
    }

    public ShipperSettings withBackoff(Duration min, Duration max) {
        return new ShipperSettings(connection, naming, rules, sender, dataDirectory, diskBudgetBytes, batchSize,
                maxBatchBytes, linger, min, max);
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }

    private static void requireNotNegative(Duration value, String what) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, not " + value);
        }
    }
}
