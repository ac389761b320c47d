package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.sales.SaleObserver;
import io.brigade.server.sales.SaleRecord;
import io.brigade.server.sales.SaleRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the analytics rollups in step with sales, inside each sale change's own transaction: a new sale
 * adds its facts and records the server's own {@code order_placed}; a cancellation moves the sale's facts
 * out of orders and revenue into the cancelled columns.
 */
public final class AnalyticsSaleObserver implements SaleObserver {
    /** Event ids the server records start with this; clients may not use it. */
    public static final String SERVER_EVENT_PREFIX = "sale:";

    private final AnalyticsRollupRepository rollups;
    private final AnalyticsEventRepository events;
    private final EventRollups eventRollups;
    private final PropertyDirectory properties;
    private final MenuService menus;
    private final SaleRepository sales;
    // New sales in one group commit add to the rollups together, once per rollup row.
    private final GroupCommitter.BatchWork<SaleFacts> addSales;
    private final GroupCommitter.BatchWork<PlacedOrder> countPlacedOrders;

    /** The server's own order_placed for a new sale, in its org. */
    private record PlacedOrder(String orgId, AnalyticsEvent event) {
    }

    AnalyticsSaleObserver(AnalyticsRollupRepository rollups, AnalyticsEventRepository events,
                          EventRollups eventRollups, PropertyDirectory properties, MenuService menus,
                          SaleRepository sales) {
        this.rollups = rollups;
        this.events = events;
        this.eventRollups = eventRollups;
        this.properties = properties;
        this.menus = menus;
        this.sales = sales;
        this.addSales = (c, facts) -> rollups.applySales(c,
                facts.stream().map(f -> new AnalyticsRollupRepository.SaleChange(f, false)).toList());
        this.countPlacedOrders = (c, orders) -> {
            Map<String, List<AnalyticsEvent>> byOrg = new LinkedHashMap<>();
            for (PlacedOrder order : orders) {
                byOrg.computeIfAbsent(order.orgId(), o -> new ArrayList<>()).add(order.event());
            }
            for (Map.Entry<String, List<AnalyticsEvent>> org : byOrg.entrySet()) {
                eventRollups.count(c, org.getKey(), org.getValue());
            }
        };
    }

    @Override
    public void created(Connection c, SaleRecord record) throws SQLException {
        Sale sale = record.sale();
        ZoneId zone = properties.zone(c, record.orgId(), record.propertyId());
        SaleFacts facts = SaleFacts.of(record.orgId(), record.propertyId(), sale, record.dateTime(),
                record.businessDate(), zone, catalog(c, record.orgId(), sale.menuId(), record.menuRevisionId()));
        if (!GroupCommitter.deferToBatch(addSales, facts)) {
            addSales.run(c, List.of(facts));
        }
        AnalyticsEvent placed = orderPlaced(record);
        events.insert(c, record.orgId(), placed, record.createdAt());
        PlacedOrder order = new PlacedOrder(record.orgId(), placed);
        if (!GroupCommitter.deferToBatch(countPlacedOrders, order)) {
            countPlacedOrders.run(c, List.of(order));
        }
    }

    /** The server's own order_placed for a new sale (the import records the same one). */
    static AnalyticsEvent orderPlaced(SaleRecord record) {
        Sale sale = record.sale();
        // The till's own order_placed carries the sale's externalId (its idempotency key) as saleKey:
        // whichever of the two arrives first is counted, the other is stored but not counted.
        String saleKey = sale.externalId() != null && !sale.externalId().isBlank() ? sale.externalId()
                : SERVER_EVENT_PREFIX + record.saleId();
        return new AnalyticsEvent(SERVER_EVENT_PREFIX + record.saleId(),
                AnalyticsEventType.ORDER_PLACED, record.dateTime(), record.propertyId(), sale.salesChannelId(),
                sale.menuId(), Long.toString(record.menuRevisionId()), null, null, null, record.totals().saleAmount(),
                saleKey, null, null);
    }

    @Override
    public void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before, String reported)
            throws SQLException {
        if (after.status() != SaleStatus.SALE_CANCELLED || before == SaleStatus.SALE_CANCELLED) {
            return;
        }
        Sale sale = sales.detail(c, orgId, after.salesChannelId(), after.saleId()).orElseThrow();
        String propertyId = properties.propertyOf(c, orgId, after.salesChannelId()).orElseThrow();
        ZoneId zone = properties.zone(c, orgId, propertyId);
        // The sale's business date, as SaleService derived it from the same instant and zone.
        LocalDate businessDate = LocalDate.ofInstant(after.dateTime(), zone);
        Catalog catalog = catalog(c, orgId, sale.menuId(), Long.parseLong(sale.menuRevisionId()));
        rollups.applySale(c, SaleFacts.of(orgId, propertyId, sale, after.dateTime(), businessDate, zone, catalog),
                true);
    }

    private Catalog catalog(Connection c, String orgId, String menuId, long revisionId) throws SQLException {
        return menus.catalog(c, orgId, menuId, revisionId).orElseThrow(() -> new IllegalStateException(
                "menu " + menuId + " revision " + revisionId + " of a stored sale is missing"));
    }
}
