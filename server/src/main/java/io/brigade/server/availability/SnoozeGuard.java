package io.brigade.server.availability;

import io.brigade.protocol.Problem;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.sales.SaleObserver;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses (422, naming each item) a new sale of an item snoozed on its channel, or any sale on a snoozed
 * channel. A snooze counts only if it covered the sale's own time: a sale rung on an offline till before
 * the snooze started is still accepted when it syncs, because the food was already sold.
 */
public final class SnoozeGuard implements SaleObserver {
    private final SnoozeRepository snoozes;

    public SnoozeGuard(SnoozeRepository snoozes) {
        this.snoozes = snoozes;
    }

    @Override
    public void created(Connection c, SaleRecord sale) throws SQLException {
        // One read of the snoozes for all the sales committed together. StockService decrements after
        // every check of the batch has run, and sends the batch back to run write by write when a
        // sale it sells out is held by a later sale of the same batch, which would have met that snooze.
        GroupCommitter.checkOncePerBatch(c, refuseSnoozed, sale);
    }

    private final GroupCommitter.BatchWork<SaleRecord> refuseSnoozed = this::refuseSnoozed;

    private void refuseSnoozed(Connection c, List<SaleRecord> sales) throws SQLException {
        Set<String> channels = new LinkedHashSet<>();
        sales.forEach(sale -> channels.add(sale.sale().salesChannelId()));
        Map<String, List<Snooze>> byChannel = snoozes.forChannels(c, channels);
        if (byChannel.isEmpty()) {
            return;
        }
        for (SaleRecord sale : sales) {
            refuse(sale, byChannel.getOrDefault(sale.sale().salesChannelId(), List.of()));
        }
    }

    private static void refuse(SaleRecord sale, List<Snooze> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Snooze> active = rows.stream().filter(s -> s.covers(sale.dateTime())).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Snooze s : active) {
            if (s.menuItemId() == null) {
                errors.add(new Problem.FieldError("salesChannelId", "sales channel " + s.salesChannelId()
                        + " is snoozed" + until(s) + "; it takes no sales"));
            }
        }
        List<SaleItem> items = sale.sale().items() == null ? List.of() : sale.sale().items();
        for (int i = 0; i < items.size(); i++) {
            check(items.get(i), "items[" + i + "]", active, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(errors);
        }
    }

    private static void check(SaleItem item, String path, List<Snooze> active, List<Problem.FieldError> errors) {
        if (item == null) {
            return;
        }
        for (Snooze s : active) {
            if (s.menuItemId() != null && s.menuItemId().equals(item.menuItemId())) {
                errors.add(new Problem.FieldError(path + ".menuItemId", "item " + item.menuItemId()
                        + " is snoozed on this sales channel" + until(s) + " and cannot be sold"));
            }
        }
        List<SaleItem> modifiers = item.modifierItems() == null ? List.of() : item.modifierItems();
        for (int j = 0; j < modifiers.size(); j++) {
            check(modifiers.get(j), path + ".modifierItems[" + j + "]", active, errors);
        }
    }

    private static String until(Snooze s) {
        return s.expiry() == null ? " until unsnoozed" : " until " + s.expiry();
    }
}
