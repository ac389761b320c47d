package io.brigade.server.checks;

import io.brigade.protocol.checks.CheckOperation;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.server.domain.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The shape of a check operation, checked before anything is read (400 naming the fields). */
final class CheckRules {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");
    static final int MAX_LINES = 200;
    static final int MAX_PARTS = 50;

    private CheckRules() {
    }

    /** The operation's wire name ({@code open}, {@code add}, ...). */
    static String type(CheckOperation op) {
        return nameOf(op);
    }

    private static String nameOf(CheckOperation op) {
        for (com.fasterxml.jackson.annotation.JsonSubTypes.Type t : CheckOperation.class
                .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            if (t.value() == op.getClass()) {
                return t.name();
            }
        }
        throw new IllegalArgumentException("unknown operation " + op.getClass());
    }

    /** The other check a merge or transfer names, or null. */
    static String otherCheck(CheckOperation op) {
        if (op instanceof CheckOperation.Merge m) {
            return m.fromCheckId();
        }
        if (op instanceof CheckOperation.Transfer t) {
            return t.toCheckId();
        }
        return null;
    }

    static void checkShape(String checkId, CheckOperation op) {
        Validation v = new Validation();
        if (checkId == null || !ID.matcher(checkId).matches()) {
            v.error("checkId", "must be 1-64 letters, digits, dots, dashes, colons or underscores (a device-made id)");
        }
        if (op == null) {
            v.error("type", "an operation is required");
            v.throwIfMalformed();
        }
        if (v.require(op.operationId(), "operationId")) {
            v.text(op.operationId(), 64, "operationId");
        }
        if (op.at() != null && (op.at().isBefore(EARLIEST) || op.at().isAfter(LATEST))) {
            v.error("at", "must be between 1970 and 9000");
        }
        if (op instanceof CheckOperation.Open o) {
            if (v.require(o.propertyId(), "propertyId")) {
                v.text(o.propertyId(), 40, "propertyId");
            }
            if (v.require(o.salesChannelId(), "salesChannelId")) {
                v.text(o.salesChannelId(), 40, "salesChannelId");
            }
            if (v.require(o.menuId(), "menuId")) {
                v.text(o.menuId(), 36, "menuId");
            }
            if (v.require(o.menuRevisionId(), "menuRevisionId") && !o.menuRevisionId().strip().matches("[1-9][0-9]{0,17}")) {
                v.error("menuRevisionId", "must be a revision number");
            }
            if (o.dispatchType() != null && o.dispatchType() != DispatchType.DineIn
                    && o.dispatchType() != DispatchType.TakeAway) {
                v.error("dispatchType", "a check is DineIn or TakeAway");
            }
            v.text(o.table(), 20, "table");
            v.text(o.name(), 40, "name");
            range(v, o.guests(), 1, 999, "guests");
        } else if (op instanceof CheckOperation.Add a) {
            if (a.lines() == null || a.lines().isEmpty()) {
                v.error("lines", "must hold at least one line");
            } else if (a.lines().size() > MAX_LINES) {
                v.error("lines", "must hold at most " + MAX_LINES + " lines");
            } else {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < a.lines().size(); i++) {
                    CheckOperation.NewLine l = a.lines().get(i);
                    String at = "lines[" + i + "]";
                    if (l == null) {
                        v.error(at, "is required");
                        continue;
                    }
                    if (v.require(l.lineId(), at + ".lineId") && v.text(l.lineId(), 64, at + ".lineId")
                            && !seen.add(l.lineId())) {
                        v.error(at + ".lineId", "appears twice");
                    }
                    v.require(l.menuItemId(), at + ".menuItemId");
                    if (v.require(l.quantity(), at + ".quantity")) {
                        range(v, l.quantity(), 1, 999, at + ".quantity");
                    }
                    v.require(l.unitPrice(), at + ".unitPrice");
                    range(v, l.seat(), 1, 999, at + ".seat");
                    range(v, l.course(), 1, 20, at + ".course");
                    v.text(l.notes(), 500, at + ".notes");
                }
            }
        } else if (op instanceof CheckOperation.Send s) {
            ids(v, s.lineIds(), "lineIds", false);
        } else if (op instanceof CheckOperation.Fire f) {
            if (v.require(f.course(), "course")) {
                range(v, f.course(), 1, 20, "course");
            }
        } else if (op instanceof CheckOperation.VoidLine vl) {
            if (v.require(vl.lineId(), "lineId")) {
                v.text(vl.lineId(), 64, "lineId");
            }
            range(v, vl.quantity(), 1, 999, "quantity");
            v.text(vl.reason(), 200, "reason");
            v.text(vl.approvalId(), 64, "approvalId");
        } else if (op instanceof CheckOperation.Guests g) {
            if (v.require(g.guests(), "guests")) {
                range(v, g.guests(), 1, 999, "guests");
            }
        } else if (op instanceof CheckOperation.Move m) {
            if ((m.table() == null || m.table().isBlank()) && (m.name() == null || m.name().isBlank())) {
                v.error("table", "a table or a name is required");
            }
            v.text(m.table(), 20, "table");
            v.text(m.name(), 40, "name");
        } else if (op instanceof CheckOperation.Merge m) {
            if (v.require(m.fromCheckId(), "fromCheckId")) {
                v.text(m.fromCheckId(), 64, "fromCheckId");
            }
        } else if (op instanceof CheckOperation.Transfer t) {
            ids(v, t.lineIds(), "lineIds", true);
            if (v.require(t.toCheckId(), "toCheckId")) {
                v.text(t.toCheckId(), 64, "toCheckId");
            }
        } else if (op instanceof CheckOperation.Split s) {
            if (v.require(s.by(), "by") && !List.of("items", "seats", "evenly").contains(s.by())) {
                v.error("by", "must be items, seats or evenly");
            } else if ("items".equals(s.by())) {
                if (s.parts() == null || s.parts().size() < 2 || s.parts().size() > MAX_PARTS) {
                    v.error("parts", "must hold 2 to " + MAX_PARTS + " parts, each a list of line ids");
                } else {
                    for (int i = 0; i < s.parts().size(); i++) {
                        ids(v, s.parts().get(i), "parts[" + i + "]", true);
                    }
                }
            } else if ("evenly".equals(s.by())) {
                if (v.require(s.count(), "count")) {
                    range(v, s.count(), 2, MAX_PARTS, "count");
                }
            }
        } else if (op instanceof CheckOperation.Pay p) {
            v.require(p.paymentMethod(), "paymentMethod");
            if (v.require(p.amount(), "amount")) {
                BigDecimal a = p.amount();
                if (a.signum() <= 0) {
                    v.error("amount", "must be more than zero");
                } else if (a.scale() > 4) {
                    v.error("amount", "has more than 4 decimal places");
                } else if (a.compareTo(new BigDecimal("1000000000")) >= 0) {
                    v.error("amount", "is too large");
                }
            }
            v.text(p.partId(), 40, "partId");
            v.text(p.shiftId(), 40, "shiftId");
        } else if (op instanceof CheckOperation.Close c) {
            v.text(c.partId(), 40, "partId");
        } else if (op instanceof CheckOperation.Reopen r) {
            if (v.require(r.reason() == null || r.reason().isBlank() ? null : r.reason(), "reason")) {
                v.text(r.reason(), 500, "reason");
            }
            v.text(r.approvalId(), 64, "approvalId");
        }
        v.throwIfMalformed();
    }

    private static void ids(Validation v, List<String> ids, String field, boolean required) {
        if (ids == null) {
            if (required) {
                v.error(field, "is required");
            }
            return;
        }
        if (required && ids.isEmpty()) {
            v.error(field, "must name at least one line");
        }
        if (ids.size() > 500) {
            v.error(field, "must name at most 500 lines");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String at = field + "[" + i + "]";
            if (v.require(ids.get(i), at) && v.text(ids.get(i), 64, at) && !seen.add(ids.get(i))) {
                v.error(at, "appears twice");
            }
        }
    }

    private static void range(Validation v, Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            v.error(field, "must be between " + min + " and " + max);
        }
    }
}
