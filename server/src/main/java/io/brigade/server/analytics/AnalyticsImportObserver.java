package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.sales.ImportObserver;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Analytics for imported sales, in the import chunk's transaction: the same {@link SaleFacts} and the
 * same server order_placed as {@link AnalyticsSaleObserver} records for a live sale (and, for a sale
 * imported as cancelled, the same move to the cancelled columns a live cancellation makes), written as
 * batched rollup upserts summed over the chunk instead of row by row.
 */
final class AnalyticsImportObserver implements ImportObserver {
    private final AnalyticsRollupRepository rollups;
    private final AnalyticsEventRepository events;
    private final EventRollups eventRollups;
    private final PropertyDirectory properties;
    private final MenuService menus;

    AnalyticsImportObserver(AnalyticsRollupRepository rollups, AnalyticsEventRepository events,
                            EventRollups eventRollups, PropertyDirectory properties, MenuService menus) {
        this.rollups = rollups;
        this.events = events;
        this.eventRollups = eventRollups;
        this.properties = properties;
        this.menus = menus;
    }

    @Override
    public void imported(Connection c, String orgId, List<SaleRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        List<AnalyticsRollupRepository.SaleChange> changes = new ArrayList<>(records.size());
        List<AnalyticsEvent> placed = new ArrayList<>(records.size());
        for (SaleRecord r : records) {
            Catalog catalog = menus.catalog(c, orgId, r.sale().menuId(), r.menuRevisionId())
                    .orElseThrow(() -> new IllegalStateException("menu revision of an imported sale is missing"));
            SaleFacts facts = SaleFacts.of(orgId, r.propertyId(), r.sale(), r.dateTime(), r.businessDate(),
                    properties.zone(c, orgId, r.propertyId()), catalog);
            changes.add(new AnalyticsRollupRepository.SaleChange(facts, false));
            if (r.status() == SaleStatus.SALE_CANCELLED) {
                changes.add(new AnalyticsRollupRepository.SaleChange(facts, true));
            }
            placed.add(AnalyticsSaleObserver.orderPlaced(r));
        }
        rollups.applySales(c, changes);
        events.insertAll(c, orgId, placed, records.get(0).createdAt());
        eventRollups.countImported(c, orgId, placed);
    }
}
