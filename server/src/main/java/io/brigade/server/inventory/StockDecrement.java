package io.brigade.server.inventory;

import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A step of the sale path: takes the stock of new sales' tracked items, for all the sales of a batch at once, in
 * their order. A v1 order ({@link #STRICT_SOURCE}) is refused with 409 when a tracked item is short; a v3 push
 * records a sale that already happened (e.g. an offline till), so it only decrements, and the level may go to
 * zero or below. An item a sale uses up is snoozed as sold out ({@link StockOut}).
 */
public final class StockDecrement {
    /** The {@code source} of sales created through POST /api/v1/orders. */
    public static final String STRICT_SOURCE = "api-v1";

    private final StockRepository stock;
    private final Clock clock;
    private final StockOut stockOut;

    public StockDecrement(StockRepository stock, Clock clock, StockOut stockOut) {
        this.stock = stock;
        this.clock = clock;
        this.stockOut = stockOut;
    }

    /**
     * Decrements for {@code sales} in their order: one read finds which of their items are tracked (most are
     * not), and only those are updated. Throws when a sale is refused (a short v1 order) and when a later sale
     * holds an item an earlier one in the list sold out: written alone, after the earlier one, it would have
     * met that sold-out snooze, so the caller must write the sales one by one.
     */
    public void decrement(Connection c, List<SaleRecord> sales) throws SQLException {
        List<Map<String, Integer>> needs = new ArrayList<>(sales.size());
        Map<String, Set<String>> wanted = new HashMap<>();
        for (SaleRecord sale : sales) {
            Map<String, Integer> needed = new LinkedHashMap<>();
            count(sale.sale().items(), 1, needed);
            needs.add(needed);
            wanted.computeIfAbsent(sale.orgId(), org -> new HashSet<>()).addAll(needed.keySet());
        }
        Map<String, Set<String>> tracked = new HashMap<>();
        for (Map.Entry<String, Set<String>> org : wanted.entrySet()) {
            Set<String> items = stock.tracked(c, org.getKey(), org.getValue());
            if (!items.isEmpty()) {
                tracked.put(org.getKey(), items);
            }
        }
        if (tracked.isEmpty()) {
            return;
        }
        // Items this batch sold out, per org: their snoozes were made after every sale's snooze check ran.
        Map<String, Set<String>> soldOut = new HashMap<>();
        for (int i = 0; i < sales.size(); i++) {
            SaleRecord sale = sales.get(i);
            Set<String> orgTracked = tracked.getOrDefault(sale.orgId(), Set.of());
            Set<String> orgSoldOut = soldOut.computeIfAbsent(sale.orgId(), org -> new HashSet<>());
            boolean strict = STRICT_SOURCE.equals(sale.sale().source());
            for (Map.Entry<String, Integer> line : needs.get(i).entrySet()) {
                String itemId = line.getKey();
                if (!orgTracked.contains(itemId)) {
                    continue;
                }
                if (orgSoldOut.contains(itemId)) {
                    throw new SoldOutEarlierInBatch(itemId);
                }
                if (take(c, sale, itemId, line.getValue(), strict)) {
                    orgSoldOut.add(itemId);
                }
            }
        }
    }

    /** Takes one line's quantity off a tracked item; true when this took the last of it. */
    private boolean take(Connection c, SaleRecord sale, String itemId, int quantity, boolean strict)
            throws SQLException {
        Optional<Integer> after = stock.decrement(c, sale.orgId(), itemId, quantity, strict, clock.instant());
        if (after.isPresent()) {
            if (after.get() <= 0 && after.get() + quantity > 0) {
                stockOut.soldOut(c, sale.orgId(), sale.propertyId(), itemId);
                return true;
            }
            return false;
        }
        if (strict) {
            Optional<StockRepository.StockLevel> level = stock.level(c, sale.orgId(), itemId);
            if (level.isPresent()) {
                throw new OutOfStockException("meal " + itemId + " is out of stock: "
                        + Math.max(0, level.get().quantity()) + " left, " + quantity + " ordered");
            }
        }
        return false;
    }

    /** A later sale of the list holds an item an earlier one sold out (see {@link #decrement}). */
    private static final class SoldOutEarlierInBatch extends RuntimeException {
        SoldOutEarlierInBatch(String itemId) {
            super("item " + itemId + " sold out earlier in the same batch", null, false, false);
        }
    }

    private static void count(List<SaleItem> items, int multiplier, Map<String, Integer> needed) {
        if (items == null) {
            return;
        }
        for (SaleItem item : items) {
            int quantity = item.quantity() * multiplier;
            needed.merge(item.menuItemId(), quantity, Integer::sum);
            count(item.modifierItems(), quantity, needed);
        }
    }
}
