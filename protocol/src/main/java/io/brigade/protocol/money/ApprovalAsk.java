package io.brigade.protocol.money;

import java.math.BigDecimal;

/**
 * A till asks the office for a manager ({@code POST .../approval-requests}) instead of a PIN typed on the till:
 * {@code requestId} is the till's own id for the request (a UUID; sent again, the same request is answered), then
 * {@code action}, {@code amount}, {@code subject} and the cashier's {@code reason} as in {@link ApprovalRequest};
 * {@code requestedBy} names the cashier, {@code terminal} the till when it is not a paired device.
 */
public record ApprovalAsk(String requestId, String action, BigDecimal amount, String subject, String reason,
                          String requestedBy, String terminal) {
}
