package io.buildanalytics.shipper.spool;

/**
 * @param records      records waiting
 * @param bytes        their payload bytes
 * @param budgetBytes  the configured disk budget for payloads
 * @param dropped      records dropped to stay within the budget, since the spool was created (persisted)
 */
public record SpoolStats(long records, long bytes, long budgetBytes, long dropped) {
}
