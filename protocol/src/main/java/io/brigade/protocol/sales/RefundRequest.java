package io.brigade.protocol.sales;

import java.math.BigDecimal;
import java.util.List;

/**
 * A refund of a stored sale, given back as a {@code Refund} payment line of the sale: of {@code lines} (an item
 * line as the sale lists it, counted from 1, and how many of it), or of an {@code amount}, or, with neither, of
 * everything still refundable. {@code paymentMethod} is one the sale was paid with, or Cash (null: the sale's own
 * method when it had one). {@code refundId} is the caller's UUID for it (a retry refunds once); {@code reason} is
 * required. {@code shiftId} names the till's shift whose drawer pays a cash refund; {@code approvalId} a manager's
 * approval when the store asks for one; {@code terminal} the till when it is not a paired device.
 */
public record RefundRequest(String refundId, List<Line> lines, BigDecimal amount, PaymentMethod paymentMethod,
                            String reason, String shiftId, String staffId, String staffName, String approvalId,
                            String terminal) {

    /** An item line of the sale (1 = its first item, modifiers go with their item) and how many to refund. */
    public record Line(Integer line, Integer quantity) {
    }
}
