package io.brigade.protocol.checks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One change to a check ({@code POST .../checks/{checkId}/operations}), made on a device with an id of its own
 * ({@code operationId}, a fresh UUID per tap) and the time it was made there ({@code at}). The store server
 * applies each operation once, in the order it receives them: the same operation again answers the check as it
 * now is and changes nothing (the same id with other content is refused), so a till that was offline sends its
 * queued operations when it is back and nothing is lost or doubled. The {@code type} field names the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CheckOperation.Open.class, name = "open"),
        @JsonSubTypes.Type(value = CheckOperation.Add.class, name = "add"),
        @JsonSubTypes.Type(value = CheckOperation.Send.class, name = "send"),
        @JsonSubTypes.Type(value = CheckOperation.Fire.class, name = "fire"),
        @JsonSubTypes.Type(value = CheckOperation.VoidLine.class, name = "void"),
        @JsonSubTypes.Type(value = CheckOperation.Guests.class, name = "guests"),
        @JsonSubTypes.Type(value = CheckOperation.Move.class, name = "move"),
        @JsonSubTypes.Type(value = CheckOperation.Merge.class, name = "merge"),
        @JsonSubTypes.Type(value = CheckOperation.Transfer.class, name = "transfer"),
        @JsonSubTypes.Type(value = CheckOperation.Split.class, name = "split"),
        @JsonSubTypes.Type(value = CheckOperation.Bill.class, name = "bill"),
        @JsonSubTypes.Type(value = CheckOperation.Pay.class, name = "pay"),
        @JsonSubTypes.Type(value = CheckOperation.Close.class, name = "close"),
        @JsonSubTypes.Type(value = CheckOperation.Reopen.class, name = "reopen")})
public sealed interface CheckOperation {

    String operationId();

    Instant at();

    /**
     * Opens the check: for a table ({@code table}, with {@code guests}) or a name or tab ({@code name}); its lines
     * are sold on {@code salesChannelId} from {@code menuId} revision {@code menuRevisionId}.
     */
    record Open(String operationId, Instant at, String propertyId, String salesChannelId, DispatchType dispatchType,
                String table, String name, Integer guests, String menuId, String menuRevisionId)
            implements CheckOperation {
    }

    /** Adds lines (not yet sent). Prices are the till's, as on a sale line; {@code course} is 1 when left out. */
    record Add(String operationId, Instant at, List<NewLine> lines) implements CheckOperation {
    }

    /** A line as added: {@code lineId} made by the device, unique within the store's checks. */
    record NewLine(String lineId, String menuItemId, Integer quantity, BigDecimal unitPrice, String notes,
                   Integer seat, Integer course, List<SaleItem> modifierItems) {
    }

    /**
     * Send: the lines named (every line not yet sent when {@code lineIds} is left out) go to the kitchen as one
     * round per course, or, with {@code hold}, are held until their course is fired. Lines another device sent
     * meanwhile are skipped, so a round reaches the kitchen once.
     */
    record Send(String operationId, Instant at, List<String> lineIds, Boolean hold) implements CheckOperation {
    }

    /** Fires a course: its held and unsent lines go to the kitchen as one round. */
    record Fire(String operationId, Instant at, Integer course) implements CheckOperation {
    }

    /**
     * Voids {@code quantity} of a line (all that is left when null). A line already sent needs a {@code reason}
     * (the kitchen sees it at once) and, where the store asks for one, a manager's {@code approvalId}.
     */
    record VoidLine(String operationId, Instant at, String lineId, Integer quantity, String reason,
                    String approvalId) implements CheckOperation {
    }

    /** Changes the number of guests (covers). */
    record Guests(String operationId, Instant at, Integer guests) implements CheckOperation {
    }

    /** Moves the check to another table (or renames a tab: {@code name}). */
    record Move(String operationId, Instant at, String table, String name) implements CheckOperation {
    }

    /** Takes every line and payment of the open check {@code fromCheckId} into this one; that one ends merged. */
    record Merge(String operationId, Instant at, String fromCheckId) implements CheckOperation {
    }

    /** Moves the lines named to the open check {@code toCheckId}. */
    record Transfer(String operationId, Instant at, List<String> lineIds, String toCheckId)
            implements CheckOperation {
    }

    /**
     * Splits the bill into parts, each paid by itself: {@code by} is {@code items} (the parts' line ids in
     * {@code parts}), {@code seats} (one part per seat, unseated lines a part of their own) or {@code evenly}
     * ({@code count} equal shares). A split replaces an earlier one while no part is paid.
     */
    record Split(String operationId, Instant at, String by, List<List<String>> parts, Integer count)
            implements CheckOperation {
    }

    /** The bill was presented: the table is waiting to pay. */
    record Bill(String operationId, Instant at) implements CheckOperation {
    }

    /**
     * A payment of {@code amount} towards the check, or towards one part of a split ({@code partId}). A payment
     * that settles the check (or the part) closes it into a sale. {@code shiftId} is the shift open on the till that
     * takes the money, as a till's own sales name it (optional: a paired till's open shift is found without it); the
     * payment counts in that shift's drawer.
     */
    record Pay(String operationId, Instant at, String partId, PaymentMethod paymentMethod, BigDecimal amount,
               String shiftId) implements CheckOperation {
    }

    /** Closes a check (or a part) with nothing left to pay: every line voided, or paid in full before. */
    record Close(String operationId, Instant at, String partId) implements CheckOperation {
    }

    /**
     * Reopens a closed check, for {@code reason} (required), with a manager's {@code approvalId} where the store asks
     * for one (action {@code REOPEN_CHECK}). The sales it closed into are cancelled through the sale path; its lines
     * and payments come back open, unsplit, so it closes again into one new sale and nothing is counted twice.
     * Refused when a sale of it was refunded or its business day has a Z report.
     */
    record Reopen(String operationId, Instant at, String reason, String approvalId) implements CheckOperation {
    }
}
