package io.brigade.desktop.tables;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.checks.CheckOperation;
import io.brigade.protocol.sales.SaleItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A check as this till will see it once the store server has its unconfirmed operations: the server's copy with
 * those operations laid over it (opening, lines added, sent, fired, voided, paid). What only the store server can
 * work out (a split, a merge, the sales) waits for its answer.
 */
final class LocalChecks {
    private LocalChecks() {
    }

    /** {@code before} (null for a check not known yet) after {@code op}; null when it shows nothing yet. */
    static Check apply(Check before, String checkId, CheckOperation op, JsonNode names) {
        if (op instanceof CheckOperation.Open o) {
            if (before != null) {
                return before;
            }
            return new Check(checkId, o.propertyId(), o.salesChannelId(), o.dispatchType(), o.table(), o.name(),
                    o.guests(), Check.OPEN, o.at(), o.at(), null, o.menuId(), o.menuRevisionId(), 0, List.of(),
                    List.of(), null, List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
                    null, List.of());
        }
        if (before == null || before.closed()) {
            return before;
        }
        List<Check.Line> lines = new ArrayList<>(before.lines());
        List<Check.Payment> payments = new ArrayList<>(before.payments());
        Integer guests = before.guests();
        String table = before.table();
        String state = before.state();
        if (op instanceof CheckOperation.Add add) {
            for (CheckOperation.NewLine l : add.lines()) {
                JsonNode shown = names == null ? null : names.get(l.lineId());
                List<String> modifiers = new ArrayList<>();
                if (shown != null && shown.has("modifiers")) {
                    shown.get("modifiers").forEach(m -> modifiers.add(m.asText()));
                }
                lines.add(new Check.Line(l.lineId(), l.menuItemId(), shown == null ? l.menuItemId()
                        : shown.get("name").asText(), l.quantity(), 0, l.unitPrice(), l.modifierItems(), modifiers,
                        l.notes(), l.seat(), l.course() == null ? 1 : l.course(), Check.NEW, null, null, null,
                        total(l.unitPrice(), l.modifierItems(), l.quantity()), add.at()));
            }
            state = Check.OPEN;
        } else if (op instanceof CheckOperation.Send send) {
            for (int i = 0; i < lines.size(); i++) {
                Check.Line l = lines.get(i);
                if (Check.NEW.equals(l.status()) && (send.lineIds() == null || send.lineIds().contains(l.lineId()))) {
                    lines.set(i, withStatus(l, Boolean.TRUE.equals(send.hold()) ? Check.HELD : Check.SENT));
                }
            }
            state = lines.stream().anyMatch(l -> Check.NEW.equals(l.status())) ? Check.OPEN : Check.SENT;
        } else if (op instanceof CheckOperation.Fire fire) {
            for (int i = 0; i < lines.size(); i++) {
                Check.Line l = lines.get(i);
                if (l.course() == fire.course() && !Check.SENT.equals(l.status())) {
                    lines.set(i, withStatus(l, Check.SENT));
                }
            }
        } else if (op instanceof CheckOperation.VoidLine v) {
            for (int i = 0; i < lines.size(); i++) {
                Check.Line l = lines.get(i);
                if (l.lineId().equals(v.lineId())) {
                    int q = v.quantity() == null ? l.liveQuantity() : Math.min(v.quantity(), l.liveQuantity());
                    int voided = l.voidedQuantity() + q;
                    lines.set(i, new Check.Line(l.lineId(), l.menuItemId(), l.name(), l.quantity(), voided,
                            l.unitPrice(), l.modifierItems(), l.modifiers(), l.notes(), l.seat(), l.course(),
                            l.status(), l.round(), l.ticketId(), v.reason(), total(l.unitPrice(), l.modifierItems(),
                            l.quantity() - voided), l.addedAt()));
                }
            }
        } else if (op instanceof CheckOperation.Pay pay) {
            payments.add(new Check.Payment(pay.operationId(), pay.partId(), pay.paymentMethod(), pay.amount(),
                    pay.at()));
        } else if (op instanceof CheckOperation.Guests g) {
            guests = g.guests();
        } else if (op instanceof CheckOperation.Move m) {
            table = m.table() != null ? m.table() : table;
        } else if (op instanceof CheckOperation.Bill) {
            state = Check.BILL;
        }
        BigDecimal total = lines.stream().map(Check.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = payments.stream().map(Check.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (before.parts().isEmpty() && !lines.isEmpty() && paid.compareTo(total) >= 0) {
            state = Check.CLOSED;
        }
        return new Check(before.checkId(), before.propertyId(), before.salesChannelId(), before.dispatchType(), table,
                before.name(), guests, state, before.openedAt(), op.at(), before.closedAt(), before.menuId(),
                before.menuRevisionId(), before.rounds(), before.heldCourses(), lines, before.splitBy(),
                before.parts(), payments, total, paid, total.subtract(paid), before.version(), before.mergedInto(),
                before.saleIds());
    }

    private static Check.Line withStatus(Check.Line l, String status) {
        return new Check.Line(l.lineId(), l.menuItemId(), l.name(), l.quantity(), l.voidedQuantity(), l.unitPrice(),
                l.modifierItems(), l.modifiers(), l.notes(), l.seat(), l.course(), status, l.round(), l.ticketId(),
                l.voidReason(), l.total(), l.addedAt());
    }

    /** Quantity x (unit price + the modifiers' totals, per unit), as the store server counts a line. */
    static BigDecimal total(BigDecimal unitPrice, List<SaleItem> modifiers, int quantity) {
        if (quantity <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal unit = unitPrice == null ? BigDecimal.ZERO : unitPrice;
        for (SaleItem m : modifiers == null ? List.<SaleItem>of() : modifiers) {
            unit = unit.add(total(m.unitPrice(), m.modifierItems(), m.quantity() == null ? 1 : m.quantity()));
        }
        return unit.multiply(BigDecimal.valueOf(quantity));
    }
}
