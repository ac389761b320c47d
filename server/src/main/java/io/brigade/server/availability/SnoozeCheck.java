package io.brigade.server.availability;

import io.brigade.protocol.Problem;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step of the sale path: refuses (422, naming each item) a new sale of an item snoozed on its channel, or any
 * sale on a snoozed channel. A snooze counts only if it covered the sale's own time: a sale rung on an offline
 * till before the snooze started is still accepted when it syncs, because the food was already sold.
 */
public final class SnoozeCheck {
    private final SnoozeRepository snoozes;

    public SnoozeCheck(SnoozeRepository snoozes) {
        this.snoozes = snoozes;
    }

    /**
     * The refusals of {@code sales} by sale id (sales not named are accepted), with one read of the snoozes of
     * their channels. Only reads: a refused sale has nothing to undo.
     */
    public Map<String, RuntimeException> refusals(Connection c, List<SaleRecord> sales) throws SQLException {
        Set<String> channels = new LinkedHashSet<>();
        sales.forEach(sale -> channels.add(sale.sale().salesChannelId()));
        Map<String, List<Snooze>> byChannel = snoozes.forChannels(c, channels);
        if (byChannel.isEmpty()) {
            return Map.of();
        }
        Map<String, RuntimeException> refused = new HashMap<>();
        for (SaleRecord sale : sales) {
            List<Problem.FieldError> errors = errors(sale, byChannel.getOrDefault(sale.sale().salesChannelId(),
                    List.of()));
            if (!errors.isEmpty()) {
                refused.put(sale.saleId(), InvalidInputException.unprocessable(errors));
            }
        }
        return refused;
    }

    private static List<Problem.FieldError> errors(SaleRecord sale, List<Snooze> rows) {
        // A check's sale is food ordered (and sent) while the check was open: a snooze since cannot unsell it.
        if (rows.isEmpty() || sale.closesCheck()) {
            return List.of();
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
        return errors;
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
