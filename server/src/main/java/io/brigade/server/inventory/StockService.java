package io.brigade.server.inventory;

import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.sales.SaleObserver;
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
 * Decrements stock in the transaction of each new sale, once per group commit for all its sales, in their
 * order. A v1 order ({@link #STRICT_SOURCE}) is refused with 409 when a tracked item is short, which rolls
 * back that sale only; a v3 push records a sale that already happened (e.g. an offline till), so it only
 * decrements, and the level may go to zero or below.
 */
public final class StockService implements SaleObserver {
    /** The {@code source} of sales created through POST /api/v1/orders. */
    public static final String STRICT_SOURCE = "api-v1";

    private final StockRepository stock;
    private final Clock clock;
    private final StockOut stockOut;

    /**
     * {@code stockOut} hears, in the sale's transaction, of an item whose stock this sale used up. (The v1
     * cache needs no word from here: it drops the org's answers on every sale change anyway.)
     */
    public StockService(StockRepository stock, Clock clock, StockOut stockOut) {
        this.stock = stock;
        this.clock = clock;
        this.stockOut = stockOut;
    }

    @Override
    public void created(Connection c, SaleRecord sale) throws SQLException {
        // Most items are not tracked: one read per batch finds the tracked ones, and only those are updated.
        GroupCommitter.checkOncePerBatch(c, decrement, sale);
    }

    private final GroupCommitter.BatchWork<SaleRecord> decrement = this::decrement;

    private void decrement(Connection c, List<SaleRecord> sales) throws SQLException {
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

    /**
     * A later sale of a batch holds an item an earlier one sold out. Written one by one, it would have met
     * the sold-out snooze, so the batch runs again write by write ({@link GroupCommitter#checkOncePerBatch}).
     */
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
