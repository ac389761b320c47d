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
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
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
 * Steps of the sale path for the kitchen: a new sale's ticket and its ticket-created event, in the sale's own
 * transaction (a sale that rolls back leaves no ticket), and every status change of a ticketed sale (from any
 * face: the kitchen, a till, v1) as a {@link KitchenEvent#TICKET_STATUS} event.
 */
public final class KitchenTickets {
    private final KitchenRepository kitchen;
    private final MenuService menus;
    private final Clock clock;

    public KitchenTickets(KitchenRepository kitchen, MenuService menus, Clock clock) {
        this.kitchen = kitchen;
        this.menus = menus;
        this.clock = clock;
    }

    /**
     * Writes the tickets of {@code records} (one JDBC batch) and their ticket-created events, numbered together:
     * one sequence update per org, orgs in id order so that two nodes' batches lock the sequence rows in the
     * same order.
     */
    public void addTickets(Connection c, List<SaleRecord> records) throws SQLException {
        List<KitchenRepository.NewTicketRow> rows = new ArrayList<>(records.size());
        Map<String, List<NewTicket>> byOrg = new TreeMap<>();
        for (SaleRecord record : records) {
            KitchenTicket ticket = ticket(c, record);
            String json = json(ticket);
            rows.add(new KitchenRepository.NewTicketRow(record.orgId(), ticket, json));
            byOrg.computeIfAbsent(record.orgId(), o -> new ArrayList<>()).add(new NewTicket(record.orgId(),
                    record.propertyId(), record.saleId(), json, record.createdAt()));
        }
        kitchen.insertTickets(c, rows);
        for (Map.Entry<String, List<NewTicket>> org : byOrg.entrySet()) {
            List<NewTicket> inOrder = org.getValue();
            long seq = kitchen.reserveSeqs(c, org.getKey(), inOrder.size()) - inOrder.size();
            for (NewTicket t : inOrder) {
                kitchen.appendEvent(c, t.orgId(), ++seq, t.propertyId(), t.saleId(), KitchenEvent.TICKET_CREATED,
                        t.json(), t.at());
            }
        }
    }

    private KitchenTicket ticket(Connection c, SaleRecord record) throws SQLException {
        Optional<Catalog> catalog = menus.catalog(c, record.orgId(), record.sale().menuId(), record.menuRevisionId());
        List<KitchenItem> items = new ArrayList<>();
        List<SaleItem> lines = Catalog.nonNull(record.sale().items());
        for (int i = 0; i < lines.size(); i++) {
            items.add(item(i + 1, lines.get(i), catalog.orElse(null)));
        }
        String table = record.sale().dineIn() == null ? null : record.sale().dineIn().tableId();
        return new KitchenTicket(record.saleId(), record.displayId(), record.propertyId(),
                record.sale().dispatchType(), table, record.createdAt(), SaleStatus.SALE_CREATED.name(), null, items);
    }

    /** The ticket-created event of a new sale, waiting for its number. */
    private record NewTicket(String orgId, String propertyId, String saleId, String json, Instant at) {
    }

    /**
     * A stored sale moved from {@code before} to {@code after.status()}: its ticket (if it has one) follows, with
     * an event. A change of a time only ({@code before} equal to the status) is not the kitchen's business.
     */
    public void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before)
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
