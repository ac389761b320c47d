package io.brigade.protocol.checks;

import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A check as the store server holds it after every operation it applied ({@code version} of them). {@code state}
 * is {@link #OPEN} (something not yet sent, or nothing ordered), {@link #SENT} (everything ordered is in the
 * kitchen), {@link #BILL} (the bill was presented), {@link #CLOSED} (paid and turned into sales, {@code saleIds})
 * or {@link #MERGED} (its lines went to {@code mergedInto}). Amounts leave voided quantities out: nothing voided is
 * charged. {@code parts} is the split, empty when the check is paid as one.
 */
public record Check(String checkId, String propertyId, String salesChannelId, DispatchType dispatchType,
                    String table, String name, Integer guests, String state, Instant openedAt, Instant updatedAt,
                    Instant closedAt, String menuId, String menuRevisionId, int rounds, List<Integer> heldCourses,
                    List<Line> lines, String splitBy, List<Part> parts, List<Payment> payments, BigDecimal total,
                    BigDecimal paid, BigDecimal balance, long version, String mergedInto, List<String> saleIds) {
    public static final String OPEN = "OPEN";
    public static final String SENT = "SENT";
    public static final String BILL = "BILL";
    public static final String CLOSED = "CLOSED";
    public static final String MERGED = "MERGED";

    /** Line states: not sent yet, held for its course, or sent to the kitchen (on {@code ticketId}). */
    public static final String NEW = "NEW";
    public static final String HELD = "HELD";

    /**
     * One line: {@code name} and {@code modifiers} as the kitchen and the guest read them, {@code quantity} as
     * ordered and {@code voidedQuantity} taken off since; {@code total} is what the line charges.
     */
    public record Line(String lineId, String menuItemId, String name, int quantity, int voidedQuantity,
                       BigDecimal unitPrice, List<SaleItem> modifierItems, List<String> modifiers, String notes,
                       Integer seat, int course, String status, Integer round, String ticketId, String voidReason,
                       BigDecimal total, Instant addedAt) {
        public int liveQuantity() {
            return quantity - voidedQuantity;
        }
    }

    /** One part of a split: its lines (all of them for an even split, each part a share), its amounts and sale. */
    public record Part(String partId, String label, List<String> lineIds, BigDecimal total, BigDecimal paid,
                       boolean closed, String saleId) {
    }

    /** A payment taken: its operation's id, the part it paid (null: the whole check), how and when. */
    public record Payment(String paymentId, String partId, PaymentMethod paymentMethod, BigDecimal amount,
                          Instant paidAt) {
    }

    public boolean closed() {
        return CLOSED.equals(state) || MERGED.equals(state);
    }
}
