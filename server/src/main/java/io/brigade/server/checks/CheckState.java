package io.brigade.server.checks;

import io.brigade.protocol.checks.Check;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.sales.SaleValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A check as stored: one document, changed by the operations {@link CheckService} applies to it under the check's
 * row lock. Public fields so that Jackson writes and reads it as it is; {@link #toWire} is what devices see.
 */
final class CheckState {
    public String checkId;
    public String propertyId;
    public String salesChannelId;
    public DispatchType dispatchType;
    public String table;
    public String name;
    public Integer guests;
    public Instant openedAt;
    public Instant updatedAt;
    public Instant closedAt;
    public String menuId;
    public String menuRevisionId;
    public int rounds;
    public TreeSet<Integer> heldCourses = new TreeSet<>();
    public List<LineState> lines = new ArrayList<>();
    public String splitBy;
    public List<PartState> parts = new ArrayList<>();
    public List<Check.Payment> payments = new ArrayList<>();
    public long version;
    public String mergedInto;
    public boolean billed;
    public boolean closed;
    public List<String> saleIds = new ArrayList<>();
    /** The sales cancelled when the check was reopened, and how many times it was. */
    public List<String> reopenedSaleIds = new ArrayList<>();
    public int reopens;
    public List<String> openedBy = new ArrayList<>();
    /** Who took each payment (by its payment id), so that its sale counts it in that till's drawer. */
    public Map<String, PaymentTills.Taker> takers = new LinkedHashMap<>();

    /** A line as stored; {@code kitchenCheckId} is the check it was sent with (it may have moved since). */
    static final class LineState {
        public String lineId;
        public String menuItemId;
        public String name;
        public int quantity;
        public int voidedQuantity;
        public BigDecimal unitPrice;
        public List<SaleItem> modifierItems = new ArrayList<>();
        public List<String> modifiers = new ArrayList<>();
        public String notes;
        public Integer seat;
        public int course = 1;
        public String status = Check.NEW;
        public Integer round;
        public String ticketId;
        public String kitchenCheckId;
        public String voidReason;
        public Instant addedAt;

        int live() {
            return quantity - voidedQuantity;
        }

        boolean sent() {
            return ticketId != null;
        }

        BigDecimal total() {
            if (live() <= 0) {
                return BigDecimal.ZERO;
            }
            return SaleValidator.lineTotal(new SaleItem(menuItemId, live(), unitPrice, notes, modifierItems));
        }

        Check.Line toWire() {
            return new Check.Line(lineId, menuItemId, name, quantity, voidedQuantity, unitPrice,
                    List.copyOf(modifierItems), List.copyOf(modifiers), notes, seat, course, status, round,
                    ticketId, voidReason, total(), addedAt);
        }
    }

    /** A part of a split. For an even split every part names every line and holds a share of the total. */
    static final class PartState {
        public String partId;
        public String label;
        public List<String> lineIds = new ArrayList<>();
        public BigDecimal share;
        public boolean closed;
        public String saleId;
    }

    LineState line(String lineId) {
        for (LineState l : lines) {
            if (l.lineId.equals(lineId)) {
                return l;
            }
        }
        return null;
    }

    PartState part(String partId) {
        for (PartState p : parts) {
            if (p.partId.equals(partId)) {
                return p;
            }
        }
        return null;
    }

    /** The part a line is paid in (null when the check is not split, or for an even split). */
    PartState partOf(String lineId) {
        if (parts.isEmpty() || "evenly".equals(splitBy)) {
            return null;
        }
        for (PartState p : parts) {
            if (p.lineIds.contains(lineId)) {
                return p;
            }
        }
        return null;
    }

    BigDecimal total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineState l : lines) {
            sum = sum.add(l.total());
        }
        return sum;
    }

    BigDecimal paid(String partId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Check.Payment p : payments) {
            if (partId == null || partId.equals(p.partId())) {
                sum = sum.add(p.amount());
            }
        }
        return sum;
    }

    BigDecimal partTotal(PartState part) {
        if ("evenly".equals(splitBy)) {
            return part.share;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String id : part.lineIds) {
            LineState l = line(id);
            if (l != null) {
                sum = sum.add(l.total());
            }
        }
        return sum;
    }

    /** Recomputes the shares of an even split after the total changed. */
    void reshare() {
        if (!"evenly".equals(splitBy) || parts.isEmpty()) {
            return;
        }
        BigDecimal total = total();
        int n = parts.size();
        BigDecimal share = total.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        for (int i = 0; i < n; i++) {
            parts.get(i).share = i < n - 1 ? share : total.subtract(share.multiply(BigDecimal.valueOf(n - 1)));
        }
    }

    /** OPEN, SENT, BILL, CLOSED or MERGED, as the floor shows the table. */
    String state() {
        if (mergedInto != null) {
            return Check.MERGED;
        }
        if (closed) {
            return Check.CLOSED;
        }
        if (billed) {
            return Check.BILL;
        }
        boolean anySent = false;
        for (LineState l : lines) {
            if (l.live() > 0 && Check.NEW.equals(l.status)) {
                return Check.OPEN;
            }
            anySent |= l.sent() || Check.HELD.equals(l.status);
        }
        return anySent ? Check.SENT : Check.OPEN;
    }

    Check toWire() {
        List<Check.Line> wireLines = lines.stream().map(LineState::toWire).toList();
        List<Check.Part> wireParts = new ArrayList<>();
        for (PartState p : parts) {
            wireParts.add(new Check.Part(p.partId, p.label, List.copyOf(p.lineIds), partTotal(p), paid(p.partId),
                    p.closed, p.saleId));
        }
        BigDecimal total = total();
        BigDecimal paid = paid(null);
        return new Check(checkId, propertyId, salesChannelId, dispatchType, table, name, guests, state(), openedAt,
                updatedAt, closedAt, menuId, menuRevisionId, rounds, List.copyOf(heldCourses), wireLines, splitBy,
                wireParts, List.copyOf(payments), total, paid, total.subtract(paid), version, mergedInto,
                List.copyOf(saleIds));
    }

    /** The short label a cook calls out and a sale shows: "T4", or the tab's name. */
    String label() {
        if (table != null) {
            return "T" + table;
        }
        return Objects.requireNonNullElse(name, checkId.substring(0, Math.min(8, checkId.length())));
    }
}
