package io.brigade.server.v1;

import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.Customer;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.protocol.v1.V1Shapes;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.inventory.StockDecrement;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.PublishedMenus;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.pricing.PricingRule;
import io.brigade.server.pricing.PricingRuleRepository;
import io.brigade.server.pricing.ServerPricing;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.sales.SaleService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Orders of the v1 API. An order is a sale: it is priced here from the published menu revision, the
 * dispatch type's pricing profile and the org's pricing rules, then created through the one
 * {@link SaleService} (same idempotency, validation, steps and state machine as v3).
 */
public final class V1Orders {
    /** The largest page GET /api/v1/orders serves. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_QUANTITY = 10_000;
    private static final Set<String> POS_STATUSES = Set.of("SALE_IN_PREPARATION", "SALE_PREPARED_BY_KITCHEN");
    private static final Set<String> DELIVERY_STATUSES = Set.of("SALE_DISPATCHED", "SALE_ON_THE_WAY",
            "SALE_DELIVERED");

    private final Database database;
    private final SaleService saleService;
    private final SaleRepository sales;
    private final OrgRepository orgs;
    private final PublishedMenus menus;
    private final PricingRuleRepository rules;
    private final V1OrderRepository orderList;
    private final Clock clock;

    public V1Orders(Database database, SaleService saleService, SaleRepository sales, OrgRepository orgs,
                    PublishedMenus menus, PricingRuleRepository rules, V1OrderRepository orderList, Clock clock) {
        this.database = database;
        this.saleService = saleService;
        this.sales = sales;
        this.orgs = orgs;
        this.menus = menus;
        this.rules = rules;
        this.orderList = orderList;
        this.clock = clock;
    }

    /** Creates an order, or finds the one a retry with the same key created; answers it as stored. */
    public V1Shapes.Order create(String orgId, String idempotencyKey, V1Shapes.OrderRequest order, byte[] rawBody) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidInputException.malformed("the Idempotency-Key header is required: send a fresh UUID per order");
        }
        if (idempotencyKey.length() > 255) {
            throw InvalidInputException.malformed("the Idempotency-Key header must be at most 255 characters");
        }
        checkShape(order);
        Sale sale = database.read(c -> {
            Validation v = new Validation();
            PublishedMenus.Published menu = menus.menu(c, orgId, order.menuId()).orElse(null);
            if (menu == null) {
                v.error("menuId", "no published menu " + order.menuId() + " in this org");
                v.throwIfUnprocessable();
            }
            List<String> channels = menu.header().publishedSalesChannelIds();
            String channelId = order.salesChannelId();
            if (channelId == null) {
                if (channels.size() != 1) {
                    v.error("salesChannelId", "is required: menu " + order.menuId() + " is published to "
                            + channels.size() + " sales channels " + channels);
                    v.throwIfUnprocessable();
                }
                channelId = channels.get(0);
            } else if (!channels.contains(channelId)) {
                v.error("salesChannelId", "menu " + order.menuId() + " is not published to sales channel "
                        + channelId);
                v.throwIfUnprocessable();
            }
            String propertyId = orgs.findChannel(c, orgId, channelId).orElseThrow().propertyId();
            ZoneId zone = ZoneId.of(orgs.timeZone(c, orgId, propertyId).orElseThrow());
            List<PricingRule> active = rules.active(c, orgId);
            ServerPricing.Priced priced = ServerPricing.price(menu.catalog(), order.dispatchType(), active,
                    ZonedDateTime.ofInstant(clock.instant(), zone), lines(order), "items", v);
            v.throwIfUnprocessable();
            Customer customer = order.customer() == null ? null : new Customer(null, order.customer().name(),
                    order.customer().phoneNumber(), order.customer().emailAddress(), null);
            PaymentMethod method = order.paymentMethod() == null ? PaymentMethod.ExternalPayment
                    : order.paymentMethod();
            SalePayment payment = new SalePayment(PaymentType.Sale, method, priced.total(), clock.instant(),
                    "api/v1 order");
            return new Sale(channelId, StockDecrement.STRICT_SOURCE, order.requestedFulfillmentTime(),
                    order.requestedFulfillmentTime() == null, order.dispatchType(), order.externalId(), null,
                    order.menuId(), Long.toString(menu.header().publishedRevisionId()), customer, null, null,
                    priced.items(), List.of(), priced.discounts(), List.of(payment), null, null, null, null);
        });
        return read(orgId, saleService.create(orgId, idempotencyKey, sale, rawBody).saleId());
    }

    private static List<ServerPricing.Line> lines(V1Shapes.OrderRequest order) {
        List<ServerPricing.Line> out = new ArrayList<>();
        for (V1Shapes.OrderLineRequest line : order.items()) {
            List<ServerPricing.Line> options = new ArrayList<>();
            for (V1Shapes.OrderOptionRequest o : Catalog.nonNull(line.options())) {
                options.add(new ServerPricing.Line(o.optionId(), o.quantity() == null ? 1 : o.quantity(), null,
                        List.of()));
            }
            out.add(new ServerPricing.Line(line.mealId(), line.quantity(), line.notes(), options));
        }
        return out;
    }

    private static void checkShape(V1Shapes.OrderRequest o) {
        Validation v = new Validation();
        v.require(o.menuId(), "menuId");
        v.require(o.dispatchType(), "dispatchType");
        if (o.items() == null || o.items().isEmpty()) {
            v.error("items", "an order needs at least one item");
        } else if (o.items().size() > 500) {
            v.error("items", "an order may have at most 500 items");
        } else {
            for (int i = 0; i < o.items().size(); i++) {
                V1Shapes.OrderLineRequest line = o.items().get(i);
                String p = "items[" + i + "]";
                if (line == null) {
                    v.error(p, "must not be null");
                    continue;
                }
                v.require(line.mealId(), p + ".mealId");
                quantity(line.quantity(), p + ".quantity", true, v);
                List<V1Shapes.OrderOptionRequest> options = Catalog.nonNull(line.options());
                for (int m = 0; m < options.size(); m++) {
                    String op = p + ".options[" + m + "]";
                    if (options.get(m) == null) {
                        v.error(op, "must not be null");
                        continue;
                    }
                    v.require(options.get(m).optionId(), op + ".optionId");
                    quantity(options.get(m).quantity(), op + ".quantity", false, v);
                }
            }
        }
        v.throwIfMalformed();
    }

    private static void quantity(Integer q, String field, boolean required, Validation v) {
        if (q == null) {
            if (required) {
                v.error(field, "is required");
            }
        } else if (q < 1 || q > MAX_QUANTITY) {
            v.error(field, "must be between 1 and " + MAX_QUANTITY);
        }
    }

    public V1Shapes.Order read(String orgId, String orderId) {
        return database.read(c -> {
            SaleHeader header = sales.header(c, orgId, orderId)
                    .orElseThrow(() -> new NotFoundException("order " + orderId));
            Sale sale = sales.detail(c, orgId, header.salesChannelId(), orderId).orElseThrow();
            List<V1Shapes.AppliedRule> applied = new ArrayList<>();
            for (SaleDiscount d : Catalog.nonNull(sale.discounts())) {
                if (d.code() != null && d.code().startsWith("rule:")) {
                    String ruleId = d.code().substring(5);
                    PricingRule rule = rules.find(c, orgId, ruleId).orElse(null);
                    applied.add(new V1Shapes.AppliedRule(ruleId, rule == null ? null : rule.name(),
                            rule == null ? null : rule.percentOff(), d.amount()));
                }
            }
            List<V1Shapes.OrderLine> lines = new ArrayList<>();
            for (SaleItem item : sale.items()) {
                lines.add(new V1Shapes.OrderLine(item.menuItemId(), item.quantity(), item.unitPrice(), item.notes(),
                        Catalog.nonNull(item.modifierItems()).stream().map(m -> new V1Shapes.OrderOption(
                                m.menuItemId(), m.quantity(), m.unitPrice())).toList()));
            }
            BigDecimal itemsTotal = header.totalSaleAmount().add(header.totalDiscounts())
                    .subtract(header.totalCharges());
            return new V1Shapes.Order(orderId, header.displayId(), header.status().name(), header.salesChannelId(),
                    header.menuId(), header.menuRevisionId(), header.dispatchType(), header.source(),
                    header.externalId(), header.dateTime(), header.requestedFulfillmentTime(),
                    sale.customer() == null ? null : sale.customer().name(), lines, applied,
                    new V1Shapes.Totals(itemsTotal, header.totalDiscounts(), header.totalSaleAmount(),
                            header.totalPaidAmount()));
        });
    }

    public V1Shapes.OrderPage list(String orgId, String status, String from, String to, String page,
                                   String pageSize) {
        Validation v = new Validation();
        if (status != null && java.util.Arrays.stream(SaleStatus.values()).noneMatch(s -> s.name().equals(status))) {
            v.error("status", "must be one of " + java.util.Arrays.toString(SaleStatus.values()));
        }
        LocalDate fromDate = date(from, "from", v);
        LocalDate toDate = date(to, "to", v);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            v.error("to", "must not be before from");
        }
        int pageNo = number(page, "page", 1, 1, 100_000, v);
        int size = number(pageSize, "pageSize", 50, 1, MAX_PAGE_SIZE, v);
        v.throwIfMalformed();
        List<V1Shapes.OrderSummary> rows = database.read(c -> orderList.list(c, orgId, status, fromDate, toDate,
                size + 1, (pageNo - 1) * size));
        boolean more = rows.size() > size;
        return new V1Shapes.OrderPage(more ? rows.subList(0, size) : rows, pageNo, size, more);
    }

    private static LocalDate date(String value, String field, Validation v) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.error(field, "must be a date as YYYY-MM-DD (a business date in the property's time zone)");
            return null;
        }
    }

    private static int number(String value, String field, int dflt, int min, int max, Validation v) {
        if (value == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.error(field, "must be a whole number from " + min + " to " + max);
        return dflt;
    }

    /** Moves an order through the v3 state machine; answers the order as it is now. */
    public V1Shapes.Order changeStatus(String orgId, String orderId, V1Shapes.StatusChange change) {
        Validation v = new Validation();
        if (!v.require(change.status(), "status")) {
            v.throwIfMalformed();
        }
        String status = change.status();
        if ("SALE_CANCELLED".equals(status)) {
            saleService.cancel(orgId, orderId, new CancelSale(null, change.cancellationReason(), null));
        } else if (POS_STATUSES.contains(status)) {
            saleService.posStatus(orgId, orderId, new StatusUpdate(status, null, null, null, null));
        } else if (DELIVERY_STATUSES.contains(status)) {
            saleService.deliveryStatus(orgId, orderId, new StatusUpdate(status, null, null, null, null));
        } else {
            throw InvalidInputException.malformed("status", "must be one of "
                    + List.of("SALE_IN_PREPARATION", "SALE_PREPARED_BY_KITCHEN", "SALE_DISPATCHED",
                    "SALE_ON_THE_WAY", "SALE_DELIVERED", "SALE_CANCELLED"));
        }
        return read(orgId, orderId);
    }
}
