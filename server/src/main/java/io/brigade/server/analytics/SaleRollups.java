package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.sales.SaleRecord;
import io.brigade.server.sales.SaleRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the analytics rollups in step with sales, in the transaction that stores them (steps of the sale path,
 * and of the historical import): new sales (live ones, summed over their batch, and imported ones, summed over
 * their chunk) add their facts and record the server's own {@code order_placed}; a cancellation moves the
 * sale's facts out of orders and revenue into the cancelled columns.
 */
public final class SaleRollups {
    /** Event ids the server records start with this; clients may not use it. */
    public static final String SERVER_EVENT_PREFIX = "sale:";

    private final AnalyticsRollupRepository rollups;
    private final AnalyticsEventRepository events;
    private final EventRollups eventRollups;
    private final PropertyDirectory properties;
    private final MenuService menus;
    private final SaleRepository sales;

    SaleRollups(AnalyticsRollupRepository rollups, AnalyticsEventRepository events,
                          EventRollups eventRollups, PropertyDirectory properties, MenuService menus,
                          SaleRepository sales) {
        this.rollups = rollups;
        this.events = events;
        this.eventRollups = eventRollups;
        this.properties = properties;
        this.menus = menus;
        this.sales = sales;
    }

    /** Imported {@code records}, all of org {@code orgId}, in input order. */
    public void addImported(Connection c, String orgId, List<SaleRecord> records) throws SQLException {
        addToRollups(c, recordNewSales(c, records));
    }

    /**
     * New sales, of one or several orgs, seen by the rollups in two steps: this one stores each sale's
     * order_placed and claims its sale key (rows of the sale's own); {@link #addToRollups} then adds their facts
     * to the rollup rows, which every batch of the org shares, and so comes at the end of a batch, where the rows
     * stay locked only until its commit. Orgs in id order, as every batch takes their rows.
     */
    public NewSales recordNewSales(Connection c, List<SaleRecord> records) throws SQLException {
        Map<String, List<SaleRecord>> byOrg = new TreeMap<>();
        for (SaleRecord r : records) {
            byOrg.computeIfAbsent(r.orgId(), o -> new ArrayList<>()).add(r);
        }
        List<OrgSales> orgs = new ArrayList<>(byOrg.size());
        for (Map.Entry<String, List<SaleRecord>> org : byOrg.entrySet()) {
            orgs.add(record(c, org.getKey(), org.getValue()));
        }
        return new NewSales(orgs);
    }

    /** Adds the facts of sales {@link #recordNewSales} recorded to the rollups. */
    public void addToRollups(Connection c, NewSales sales) throws SQLException {
        for (OrgSales org : sales.orgs()) {
            rollups.applySales(c, org.changes());
            eventRollups.countOrdersPlaced(c, org.orgId(), org.placed(), org.firstPlaced());
        }
    }

    /** Sales recorded by {@link #recordNewSales}, waiting for {@link #addToRollups}. */
    public record NewSales(List<OrgSales> orgs) {
    }

    /**
     * One org's new sales: their facts (a sale stored as cancelled, as an import may store it, also moves them to
     * the cancelled columns), the server's order_placed of each, and which of those are the first for their key.
     */
    record OrgSales(String orgId, List<AnalyticsRollupRepository.SaleChange> changes, List<AnalyticsEvent> placed,
                    Set<String> firstPlaced) {
    }

    private OrgSales record(Connection c, String orgId, List<SaleRecord> records) throws SQLException {
        List<AnalyticsRollupRepository.SaleChange> changes = new ArrayList<>(records.size());
        List<AnalyticsEvent> placed = new ArrayList<>(records.size());
        for (SaleRecord r : records) {
            SaleFacts facts = SaleFacts.of(orgId, r.propertyId(), r.sale(), r.dateTime(), r.businessDate(),
                    properties.zone(c, orgId, r.propertyId()), catalog(c, orgId, r.sale().menuId(), r.menuRevisionId()));
            changes.add(new AnalyticsRollupRepository.SaleChange(facts, false));
            if (r.status() == SaleStatus.SALE_CANCELLED) {
                changes.add(new AnalyticsRollupRepository.SaleChange(facts, true));
            }
            placed.add(orderPlaced(r));
        }
        // Only the events keyed by a partner's reference are stored: their claimed keys move with their property.
        List<AnalyticsEvent> partnerKeyed = placed.stream().filter(e -> !keyedByItsSale(e)).toList();
        if (!partnerKeyed.isEmpty()) {
            events.insertAll(c, orgId, partnerKeyed, records.get(0).createdAt());
        }
        return new OrgSales(orgId, changes, placed, eventRollups.claimOrdersPlaced(c, orgId, placed));
    }

    /**
     * The server's order_placed of a sale without a partner's reference carries the sale's own id as its key,
     * which no other event can hold: it is the first for its key, counted without a claim, and not stored (nothing
     * reads it after it is counted, and on H2 every table and index a sale writes is stored again at each commit).
     */
    static boolean keyedByItsSale(AnalyticsEvent serverEvent) {
        return serverEvent.eventId().equals(serverEvent.saleKey());
    }

    /** The server's own order_placed for a new sale. */
    private static AnalyticsEvent orderPlaced(SaleRecord record) {
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

    /** A refund of {@code amount} given on a stored sale: counted on the sale's own business date and hour. */
    public void refunded(Connection c, String orgId, SaleHeader sale, BigDecimal amount) throws SQLException {
        String propertyId = properties.propertyOf(c, orgId, sale.salesChannelId()).orElseThrow();
        ZoneId zone = properties.zone(c, orgId, propertyId);
        LocalDate businessDate = sales.businessDate(c, orgId, sale.saleId()).orElseThrow();
        rollups.applyRefund(c, orgId, propertyId, sale.salesChannelId(), businessDate,
                sale.dateTime().atZone(zone).getHour(), amount);
    }

    /** A stored sale moved from {@code before} to {@code after.status()}: a cancellation moves its facts. */
    public void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before)
            throws SQLException {
        if (after.status() != SaleStatus.SALE_CANCELLED || before == SaleStatus.SALE_CANCELLED) {
            return;
        }
        Sale sale = sales.detail(c, orgId, after.salesChannelId(), after.saleId()).orElseThrow();
        String propertyId = properties.propertyOf(c, orgId, after.salesChannelId()).orElseThrow();
        ZoneId zone = properties.zone(c, orgId, propertyId);
        // The business date stored with the sale: the property's zone may have changed since it was rung.
        LocalDate businessDate = sales.businessDate(c, orgId, after.saleId()).orElseThrow();
        Catalog catalog = catalog(c, orgId, sale.menuId(), Long.parseLong(sale.menuRevisionId()));
        rollups.applySales(c, List.of(new AnalyticsRollupRepository.SaleChange(
                SaleFacts.of(orgId, propertyId, sale, after.dateTime(), businessDate, zone, catalog), true)));
    }

    private Catalog catalog(Connection c, String orgId, String menuId, long revisionId) throws SQLException {
        return menus.catalog(c, orgId, menuId, revisionId).orElseThrow(() -> new IllegalStateException(
                "menu " + menuId + " revision " + revisionId + " of a stored sale is missing"));
    }
}
