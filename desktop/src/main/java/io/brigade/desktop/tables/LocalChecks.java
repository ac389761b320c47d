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

    /**
     * A merge not confirmed yet: the lines and payments of {@code m.fromCheckId()} shown on {@code intoId}, the other
     * check gone from the open ones. Left as it is when either check is not known here.
     */
    static void merge(java.util.Map<String, Check> checks, String intoId, CheckOperation.Merge m) {
        Check into = checks.get(intoId);
        Check from = checks.get(m.fromCheckId());
        if (into == null || from == null || into.closed() || from.closed() || intoId.equals(from.checkId())) {
            return;
        }
        List<Check.Line> lines = new ArrayList<>(into.lines());
        lines.addAll(from.lines());
        List<Check.Payment> payments = new ArrayList<>(into.payments());
        payments.addAll(from.payments());
        Integer guests = into.guests() == null && from.guests() == null ? null
                : (into.guests() == null ? 0 : into.guests()) + (from.guests() == null ? 0 : from.guests());
        checks.put(intoId, with(into, lines, payments, guests, m.at(), List.of()));
        checks.put(from.checkId(), new Check(from.checkId(), from.propertyId(), from.salesChannelId(),
                from.dispatchType(), from.table(), from.name(), from.guests(), Check.MERGED, from.openedAt(), m.at(),
                m.at(), from.menuId(), from.menuRevisionId(), from.rounds(), from.heldCourses(), List.of(),
                from.splitBy(), List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                from.version(), intoId, from.saleIds()));
    }

    /** A transfer not confirmed yet: the lines named shown on {@code t.toCheckId()} instead of {@code fromId}. */
    static void transfer(java.util.Map<String, Check> checks, String fromId, CheckOperation.Transfer t) {
        Check from = checks.get(fromId);
        Check to = checks.get(t.toCheckId());
        if (from == null || to == null || from.closed() || to.closed() || fromId.equals(to.checkId())) {
            return;
        }
        List<Check.Line> staying = new ArrayList<>();
        List<Check.Line> moving = new ArrayList<>(to.lines());
        for (Check.Line l : from.lines()) {
            (t.lineIds().contains(l.lineId()) ? moving : staying).add(l);
        }
        checks.put(fromId, with(from, staying, from.payments(), from.guests(), t.at(), from.parts()));
        checks.put(to.checkId(), with(to, moving, to.payments(), to.guests(), t.at(), to.parts()));
    }

    private static Check with(Check c, List<Check.Line> lines, List<Check.Payment> payments, Integer guests,
                              java.time.Instant at, List<Check.Part> parts) {
        BigDecimal total = lines.stream().map(Check.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = payments.stream().map(Check.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String state = lines.stream().anyMatch(l -> Check.NEW.equals(l.status()) && l.liveQuantity() > 0)
                || lines.isEmpty() ? Check.OPEN : Check.BILL.equals(c.state()) ? Check.BILL : Check.SENT;
        return new Check(c.checkId(), c.propertyId(), c.salesChannelId(), c.dispatchType(), c.table(), c.name(),
                guests, state, c.openedAt(), at, c.closedAt(), c.menuId(), c.menuRevisionId(), c.rounds(),
                c.heldCourses(), lines, parts.isEmpty() ? null : c.splitBy(), parts, payments, total, paid,
                total.subtract(paid), c.version(), c.mergedInto(), c.saleIds());
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
