package io.brigade.server.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.server.menus.Catalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of an X or Z report, summed from stored sales (see {@link MoneyReport} for what each one means). Pure
 * arithmetic: the caller reads the sales, the menu revisions they were rung against and the shifts.
 */
final class DayFigures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WORK_SCALE = 10;

    /**
     * Where a sale was rung: its device (a paired till's id, else its terminal name) and its shift; and, for a sale
     * whose payments several tills took (a table's check), each payment's till in the order of the sale's payments.
     */
    record Origin(String deviceKey, String deviceName, String shiftId, List<Origin> payments) {
        private static final Origin NONE = new Origin(null, null, null, List.of());

        static Origin of(String metadata) {
            if (metadata == null || metadata.isBlank()) {
                return NONE;
            }
            try {
                JsonNode m = Json.mapper().readTree(metadata);
                if (m == null || !m.isObject()) {
                    return NONE;
                }
                List<Origin> payments = new ArrayList<>();
                JsonNode each = m.get("paymentTills");
                if (each != null && each.isArray()) {
                    for (JsonNode p : each) {
                        payments.add(p.isObject() ? one(p, List.of()) : null);
                    }
                }
                return one(m, payments);
            } catch (java.io.IOException e) {
                return NONE;
            }
        }

        private static Origin one(JsonNode m, List<Origin> payments) {
            String terminal = text(m, "posTerminal");
            String device = text(m, "deviceId");
            return new Origin(device != null ? device : terminal, terminal, text(m, "shiftId"), payments);
        }

        /** Where the sale's payment at {@code index} was taken: its own till if named, else the sale's. */
        Origin payment(int index) {
            Origin p = index < payments.size() ? payments.get(index) : null;
            return p == null ? this : p;
        }

        /** True when the sale or one of its payments was taken in {@code shiftId}. */
        boolean touchesShift(String shiftId) {
            return shiftId.equals(this.shiftId) || payments.stream().anyMatch(p -> p != null
                    && shiftId.equals(p.shiftId));
        }

        /** True when the sale or one of its payments was taken on {@code deviceKey}. */
        boolean touchesDevice(String deviceKey) {
            return deviceKey.equals(this.deviceKey) || payments.stream().anyMatch(p -> p != null
                    && deviceKey.equals(p.deviceKey));
        }

        private static String text(JsonNode m, String field) {
            JsonNode v = m.get(field);
            return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
        }
    }

    /**
     * What of a sale a report counts: the sale's own figures (items, VAT, charges, its check) where it was rung, and
     * each payment where it was taken. A store's report counts all of it; a device's or a shift's counts a table's
     * check on the till that settled it and each payment on the till that took it, so every figure counts once.
     */
    record Scope(String deviceKey, String shiftId) {
        static final Scope STORE = new Scope(null, null);

        static Scope device(String deviceKey) {
            return deviceKey == null ? STORE : new Scope(deviceKey, null);
        }

        static Scope shift(String shiftId) {
            return new Scope(null, shiftId);
        }

        private boolean holds(Origin o) {
            return (deviceKey == null || deviceKey.equals(o.deviceKey()))
                    && (shiftId == null || shiftId.equals(o.shiftId()));
        }

        /** True when the report counts anything of {@code s}. */
        boolean touches(DayRepository.DaySale s) {
            Origin o = s.origin();
            return (deviceKey == null || o.touchesDevice(deviceKey)) && (shiftId == null || o.touchesShift(shiftId));
        }

        boolean sale(DayRepository.DaySale s) {
            return holds(s.origin());
        }

        boolean payment(DayRepository.DaySale s, int index) {
            return holds(s.origin().payment(index));
        }
    }

    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    BigDecimal service = BigDecimal.ZERO;
    BigDecimal tips = BigDecimal.ZERO;
    BigDecimal otherCharges = BigDecimal.ZERO;
    BigDecimal voidAmount = BigDecimal.ZERO;
    int checks;
    int covers;
    int refundCount;
    int voidCount;
    private final Map<String, Sum> methods = new TreeMap<>();
    private final Map<BigDecimal, BigDecimal[]> vat = new TreeMap<>();
    private final Map<String, Sum> discountTypes = new TreeMap<>();
    private final Map<String, Sum> categories = new TreeMap<>();
    private final Map<Integer, Sum> hours = new TreeMap<>();
    private final Map<String, Sum> devices = new TreeMap<>();
    private final boolean vatApplicable;
    private final boolean vatInclusive;
    private final ZoneId zone;

    DayFigures(boolean vatApplicable, boolean vatInclusive, ZoneId zone) {
        this.vatApplicable = vatApplicable;
        this.vatInclusive = vatInclusive;
        this.zone = zone;
    }

    /** A count and an amount. */
    private static final class Sum {
        int count;
        BigDecimal amount = BigDecimal.ZERO;

        void add(int n, BigDecimal a) {
            count += n;
            amount = amount.add(a);
        }
    }

    /**
     * Adds a refund given on this day by the refund route (its sale may be of another day): it counts here, on the
     * day the money went back, not on the sale's day.
     */
    void addRefund(DayRepository.GivenRefund r) {
        refunds = refunds.add(r.amount());
        refundCount++;
        methods.computeIfAbsent(r.method(), k -> new Sum()).add(0, r.amount().negate());
    }

    /**
     * Adds one stored sale; {@code catalogs} finds the revision it was rung against (null if missing).
     * {@code laterRefunds} are its payment lines ("saleId/line") given by the refund route, counted on their own
     * day by {@link #addRefund}.
     */
    void add(DayRepository.DaySale s, Function<DayRepository.DaySale, Catalog> catalogs,
             java.util.Set<String> laterRefunds) {
        add(s, catalogs, laterRefunds, Scope.STORE);
    }

    /** As {@link #add(DayRepository.DaySale, Function, java.util.Set)}, counting only what {@code scope} holds. */
    void add(DayRepository.DaySale s, Function<DayRepository.DaySale, Catalog> catalogs,
             java.util.Set<String> laterRefunds, Scope scope) {
        boolean whole = scope.sale(s);
        if ("SALE_CANCELLED".equals(s.status)) {
            if (whole) {
                voidCount++;
                voidAmount = voidAmount.add(s.saleAmount);
            }
            return;
        }
        if (whole) {
            checks++;
            covers += s.guests == null ? 0 : s.guests;
            gross = gross.add(s.items);
            discounts = discounts.add(s.discounts);
            for (DayRepository.Amount d : s.discountLines) {
                discountTypes.computeIfAbsent(d.type(), k -> new Sum()).add(1, d.amount());
            }
            for (DayRepository.Amount ch : s.chargeLines) {
                switch (ch.type()) {
                    case "Service" -> service = service.add(ch.amount());
                    case "Tip" -> tips = tips.add(ch.amount());
                    default -> otherCharges = otherCharges.add(ch.amount());
                }
            }
        }
        for (int i = 0; i < s.payments.size(); i++) {
            DayRepository.Payment p = s.payments.get(i);
            if (laterRefunds.contains(s.saleId + '/' + p.lineNo()) || !scope.payment(s, i)) {
                continue;
            }
            Sum m = methods.computeIfAbsent(p.method(), k -> new Sum());
            if ("Refund".equals(p.type())) {
                refunds = refunds.add(p.amount());
                refundCount++;
                m.add(0, p.amount().negate());
            } else {
                m.add(1, p.amount());
            }
        }
        if (!whole) {
            return;
        }
        hours.computeIfAbsent(s.dateTime.atZone(zone).getHour(), k -> new Sum()).add(1, s.saleAmount);
        Origin origin = s.origin();
        devices.computeIfAbsent(origin.deviceName() == null ? "-" : origin.deviceName(), k -> new Sum())
                .add(1, s.saleAmount);
        lines(s, catalogs.apply(s));
    }

    // Categories (at the prices rung, modifiers with their item) and VAT by rate (each component at its own rate,
    // after its share of the sale's discounts, spread in proportion to amounts).
    private void lines(DayRepository.DaySale s, Catalog catalog) {
        Map<Integer, DayRepository.Line> byNo = new HashMap<>();
        Map<Integer, List<DayRepository.Line>> children = new HashMap<>();
        for (DayRepository.Line l : s.lines) {
            byNo.put(l.lineNo(), l);
            if (l.parentLineNo() != null) {
                children.computeIfAbsent(l.parentLineNo(), k -> new ArrayList<>()).add(l);
            }
        }
        BigDecimal keep = BigDecimal.ONE;
        if (s.items.signum() > 0) {
            keep = BigDecimal.ONE.subtract(s.discounts.min(s.items).divide(s.items, WORK_SCALE, RoundingMode.HALF_UP));
        }
        for (DayRepository.Line top : s.lines) {
            if (top.parentLineNo() != null) {
                continue;
            }
            MenuItem item = catalog == null ? null : catalog.item(top.menuItemId());
            BigDecimal lineTotal = component(top, top.quantity(), item, s.dispatchType, keep, children, catalog);
            String category = catalog == null || catalog.categoryOf(top.menuItemId()) == null ? "-"
                    : catalog.categoryOf(top.menuItemId()).caption();
            categories.computeIfAbsent(category, k -> new Sum()).add(top.quantity(), lineTotal);
        }
    }

    /** Adds a component's VAT ({@code units} of it) and its modifiers'; answers its amount with them. */
    private BigDecimal component(DayRepository.Line line, long units, MenuItem item, String dispatch, BigDecimal keep,
                                 Map<Integer, List<DayRepository.Line>> children, Catalog catalog) {
        BigDecimal amount = line.unitPrice().multiply(BigDecimal.valueOf(units));
        addVat(rate(item, dispatch), amount.multiply(keep));
        BigDecimal total = amount;
        for (DayRepository.Line mod : children.getOrDefault(line.lineNo(), List.of())) {
            MenuItem option = catalog == null ? null : catalog.modifierItem(mod.menuItemId());
            total = total.add(component(mod, units * mod.quantity(), option, dispatch, keep, children, catalog));
        }
        return total;
    }

    private void addVat(BigDecimal rate, BigDecimal amount) {
        BigDecimal[] sums = vat.computeIfAbsent(rate.stripTrailingZeros(), k -> new BigDecimal[] {BigDecimal.ZERO,
                BigDecimal.ZERO});
        BigDecimal tax;
        BigDecimal net;
        if (vatInclusive) {
            tax = amount.multiply(rate).divide(HUNDRED.add(rate), WORK_SCALE, RoundingMode.HALF_UP);
            net = amount.subtract(tax);
        } else {
            net = amount;
            tax = amount.multiply(rate).divide(HUNDRED, WORK_SCALE, RoundingMode.HALF_UP);
        }
        sums[0] = sums[0].add(net);
        sums[1] = sums[1].add(tax);
    }

    /** The item's VAT rate for the sale's dispatch type, from its first pricing profile; 0 when none applies. */
    private BigDecimal rate(MenuItem item, String dispatch) {
        if (!vatApplicable || item == null || item.pricingProfiles() == null || item.pricingProfiles().isEmpty()) {
            return BigDecimal.ZERO;
        }
        PricingProfile p = item.pricingProfiles().get(0);
        if (Boolean.FALSE.equals(p.taxable())) {
            return BigDecimal.ZERO;
        }
        BigDecimal r = switch (dispatch == null ? "" : dispatch) {
            case "DineIn" -> p.dineInTax();
            case "Collection" -> p.collectionTax();
            case "Delivery" -> p.deliveryTax();
            default -> p.takeawayTax();
        };
        return r == null ? BigDecimal.ZERO : r;
    }

    BigDecimal net() {
        return gross.subtract(discounts).subtract(refunds);
    }

    BigDecimal vatTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (MoneyReport.VatLine l : vatLines()) {
            total = total.add(l.vat());
        }
        return total;
    }

    BigDecimal averageCheck() {
        return checks == 0 ? money(BigDecimal.ZERO) : net().divide(BigDecimal.valueOf(checks), 2, RoundingMode.HALF_UP);
    }

    List<MoneyReport.VatLine> vatLines() {
        List<MoneyReport.VatLine> out = new ArrayList<>();
        vat.forEach((rate, sums) -> {
            BigDecimal net = money(sums[0]);
            BigDecimal tax = money(sums[1]);
            out.add(new MoneyReport.VatLine(rate.setScale(Math.max(0, rate.scale())), net, tax, net.add(tax)));
        });
        return out;
    }

    List<MoneyReport.Line> methods() {
        return lines(methods);
    }

    List<MoneyReport.Line> discountTypes() {
        return lines(discountTypes);
    }

    List<MoneyReport.Line> categories() {
        return lines(categories);
    }

    List<MoneyReport.Line> devices() {
        return lines(devices);
    }

    List<MoneyReport.Line> hours() {
        List<MoneyReport.Line> out = new ArrayList<>();
        hours.forEach((h, sum) -> out.add(new MoneyReport.Line(String.format("%02d:00", h), sum.count,
                money(sum.amount))));
        return out;
    }

    private static <K> List<MoneyReport.Line> lines(Map<K, Sum> sums) {
        List<MoneyReport.Line> out = new ArrayList<>();
        sums.forEach((k, sum) -> out.add(new MoneyReport.Line(k.toString(), sum.count, money(sum.amount))));
        return out;
    }

    /** Money as reports show it: two decimals. */
    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
