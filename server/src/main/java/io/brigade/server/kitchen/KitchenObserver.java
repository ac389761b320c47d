package io.brigade.server.kitchen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.sales.SaleObserver;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the kitchen's ticket and appends its event inside the sale's own transaction, so a sale that
 * rolls back leaves no ticket, and every status change of a ticketed sale (from any face: the kitchen,
 * a till, v1) becomes a {@link KitchenEvent#TICKET_STATUS} event.
 */
public final class KitchenObserver implements SaleObserver {
    private final KitchenRepository kitchen;
    private final MenuService menus;
    private final Clock clock;

    public KitchenObserver(KitchenRepository kitchen, MenuService menus, Clock clock) {
        this.kitchen = kitchen;
        this.insertTickets = kitchen::insertTickets;
        this.menus = menus;
        this.clock = clock;
    }

    @Override
    public void created(Connection c, SaleRecord record) throws SQLException {
        Optional<Catalog> catalog = menus.catalog(c, record.orgId(), record.sale().menuId(), record.menuRevisionId());
        List<KitchenItem> items = new ArrayList<>();
        List<SaleItem> lines = Catalog.nonNull(record.sale().items());
        for (int i = 0; i < lines.size(); i++) {
            items.add(item(i + 1, lines.get(i), catalog.orElse(null)));
        }
        String table = record.sale().dineIn() == null ? null : record.sale().dineIn().tableId();
        KitchenTicket ticket = new KitchenTicket(record.saleId(), record.displayId(), record.propertyId(),
                record.sale().dispatchType(), table, record.createdAt(), SaleStatus.SALE_CREATED.name(), null, items);
        String json = json(ticket);
        NewTicket created = new NewTicket(record.orgId(), record.propertyId(), record.saleId(), json, record.createdAt());
        GroupCommitter.runOncePerBatch(c, insertTickets, new KitchenRepository.NewTicketRow(record.orgId(), ticket, json));
        GroupCommitter.runOncePerBatch(c, announceTickets, created);
    }

    /** The ticket-created event of a new sale, waiting for its number. */
    private record NewTicket(String orgId, String propertyId, String saleId, String json, Instant at) {
    }

    private final GroupCommitter.BatchWork<NewTicket> announceTickets = this::announce;
    // One JDBC batch for the tickets of all the sales committed together.
    private final GroupCommitter.BatchWork<KitchenRepository.NewTicketRow> insertTickets;

    // Sales committed together number their events together: one sequence update per org and batch, orgs in
    // id order so that two nodes' batches lock the sequence rows in the same order.
    private void announce(Connection c, List<NewTicket> tickets) throws SQLException {
        Map<String, List<NewTicket>> byOrg = new TreeMap<>();
        for (NewTicket t : tickets) {
            byOrg.computeIfAbsent(t.orgId(), o -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<NewTicket>> org : byOrg.entrySet()) {
            List<NewTicket> inOrder = org.getValue();
            long seq = kitchen.reserveSeqs(c, org.getKey(), inOrder.size()) - inOrder.size();
            for (NewTicket t : inOrder) {
                kitchen.appendEvent(c, t.orgId(), ++seq, t.propertyId(), t.saleId(), KitchenEvent.TICKET_CREATED,
                        t.json(), t.at());
            }
        }
    }

    @Override
    public void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before, String reported)
            throws SQLException {
        if (after.status() == before) {
            return; // only a pickup or delivery time moved
        }
        Optional<KitchenRepository.TicketRow> row = kitchen.findTicket(c, orgId, after.saleId());
        if (row.isEmpty()) {
            return; // a sale stored before the kitchen existed
        }
        Instant now = clock.instant();
        Instant bumpedAt = switch (after.status()) {
            case SALE_PREPARED_BY_KITCHEN -> now;
            case SALE_CREATED, SALE_IN_PREPARATION -> null; // recalled: no longer bumped
            default -> row.get().bumpedAt();
        };
        kitchen.updateStatus(c, after.saleId(), after.status().name(), bumpedAt);
        long seq = kitchen.nextSeq(c, orgId);
        kitchen.appendEvent(c, orgId, seq, row.get().propertyId(), after.saleId(), KitchenEvent.TICKET_STATUS,
                json(new KitchenEvent.StatusChange(after.saleId(), after.status().name(), bumpedAt, now)), now);
    }

    private static KitchenItem item(int lineNo, SaleItem line, Catalog catalog) {
        MenuItem menuItem = catalog == null ? null : catalog.item(line.menuItemId());
        Category category = catalog == null ? null : catalog.categoryOf(line.menuItemId());
        List<String> modifiers = new ArrayList<>();
        addModifiers(line.modifierItems(), catalog, "", modifiers);
        int quantity = line.quantity() == null ? 1 : line.quantity();
        return new KitchenItem(lineNo, menuItem == null ? "Item " + line.menuItemId() : menuItem.caption(),
                category == null ? null : category.id(), category == null ? null : category.caption(), quantity,
                modifiers, blankToNull(line.notes()), false);
    }

    private static void addModifiers(List<SaleItem> modifiers, Catalog catalog, String indent, List<String> out) {
        for (SaleItem m : Catalog.nonNull(modifiers)) {
            MenuItem option = catalog == null ? null : catalog.modifierItem(m.menuItemId());
            String name = option == null ? m.menuItemId() : option.caption();
            int quantity = m.quantity() == null ? 1 : m.quantity();
            out.add(indent + (quantity > 1 ? quantity + " x " : "") + name
                    + (blankToNull(m.notes()) == null ? "" : " (" + m.notes().strip() + ")"));
            addModifiers(m.modifierItems(), catalog, indent + "  ", out);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kitchen JSON", e);
        }
    }
}
