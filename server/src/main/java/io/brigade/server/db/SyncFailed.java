package io.brigade.server.db;

/**
 * A commit was made but could not be forced to disk (the disk is full or failing). Nobody may be told "done":
 * a caller that retries with the same idempotency key finds the write if it survived.
 */
public final class SyncFailed extends RuntimeException {
    public SyncFailed(String message) {
        super(message);
    }
}
