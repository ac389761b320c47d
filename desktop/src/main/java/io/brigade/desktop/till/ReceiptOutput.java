package io.brigade.desktop.till;

import java.util.Optional;

/**
 * Where a sale's receipt goes beyond the till's own screen: the store's receipt as it prints (so the screen shows
 * the same), and printing it again. The shell gives the till this PC's printing; without it the till shows its
 * own rendering and the operating system's print dialog.
 */
public interface ReceiptOutput {
    /** The receipt of sale {@code displayId} as it prints, as text; empty when this PC did not make it. */
    Optional<String> text(String displayId);

    /**
     * Prints the receipt of sale {@code displayId} (key {@code saleKey}, or null) again, marked as a reprint; answers
     * the printer's name, or empty when this PC has no receipt printer (or never made that receipt).
     */
    Optional<String> reprint(String displayId, java.util.UUID saleKey);

    /**
     * Prints the refund receipt of sale {@code displayId} (key {@code saleKey}), refunded by {@code staffName} for
     * {@code reason}; answers the printer's name, or empty when it cannot be printed here.
     */
    Optional<String> refund(String displayId, java.util.UUID saleKey, String reason, String staffName);

    /** No printing: the till's own receipt and the operating system's print dialog. */
    ReceiptOutput NONE = new ReceiptOutput() {
        @Override
        public Optional<String> text(String displayId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> reprint(String displayId, java.util.UUID saleKey) {
            return Optional.empty();
        }

        @Override
        public Optional<String> refund(String displayId, java.util.UUID saleKey, String reason, String staffName) {
            return Optional.empty();
        }
    };
}
