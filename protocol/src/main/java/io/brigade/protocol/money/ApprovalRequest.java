package io.brigade.protocol.money;

import java.math.BigDecimal;

/**
 * A manager approves one action: {@code DISCOUNT}, {@code REFUND}, {@code VOID}, {@code NO_SALE},
 * {@code REOPEN_CHECK} or {@code Z_REPORT}, up to {@code amount}, about {@code subject} (a sale, a check, a line),
 * for {@code reason} (required). At the till the manager types their PIN ({@code managerPin}); a manager signed in
 * at the office approves with their own session and sends no PIN. {@code requestedBy} names the cashier;
 * {@code terminal} the till when it is not a paired device.
 */
public record ApprovalRequest(String action, BigDecimal amount, String subject, String reason, String managerPin,
                              String requestedBy, String terminal) {

    /** The request as it may be printed or logged: without the PIN. */
    @Override
    public String toString() {
        return "ApprovalRequest[" + action + ", " + amount + ", " + subject + "]";
    }
}
