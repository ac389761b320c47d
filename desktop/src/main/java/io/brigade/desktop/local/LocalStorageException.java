package io.brigade.desktop.local;

/** The till's own database failed; the cashier must be told, since the sale is not saved. */
public final class LocalStorageException extends RuntimeException {
    public LocalStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
