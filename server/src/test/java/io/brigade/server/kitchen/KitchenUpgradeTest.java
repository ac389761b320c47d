package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.server.db.Database;
import io.brigade.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tickets open while the server is upgraded to kitchen stations stay on the screens, in their state. */
class KitchenUpgradeTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ticketsOfBeforeStationsReadAsTicketsOfTheDefaultStation(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        Flyway.configure().dataSource(url, TestDatabases.user(db), null).locations("classpath:db/migration")
                .target("13").load().migrate();
        Instant made = Instant.parse("2026-12-01T12:00:00Z");
        String old = "{\"saleId\":\"S1\",\"displayId\":\"0001\",\"propertyId\":\"p1\",\"dispatchType\":\"DineIn\","
                + "\"table\":\"7\",\"createdAt\":\"2026-12-01T12:00:00Z\",\"status\":\"SALE_IN_PREPARATION\","
                + "\"items\":[{\"lineNo\":1,\"name\":\"Margherita\",\"categoryId\":\"c1\",\"category\":\"Pizzas\","
                + "\"quantity\":2,\"modifiers\":[\"Rocket\"],\"notes\":\"well done\",\"done\":false},"
                + "{\"lineNo\":2,\"name\":\"Cola\",\"quantity\":1,\"modifiers\":[],\"done\":false}]}";
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(db), null);
             PreparedStatement ticket = c.prepareStatement("INSERT INTO kitchen_tickets (sale_id, org_id, property_id,"
                     + " status, created_at, bumped_at, ticket) VALUES (?, 'o1', 'p1', ?, ?, NULL, ?)");
             PreparedStatement done = c.prepareStatement("INSERT INTO kitchen_items_done (sale_id, line_no, done_at)"
                     + " VALUES ('S1', 2, ?)")) {
            for (Object[] row : List.of(new Object[]{"S1", "SALE_IN_PREPARATION"}, new Object[]{"S2", "SALE_DELIVERED"})) {
                ticket.setString(1, (String) row[0]);
                ticket.setString(2, (String) row[1]);
                ticket.setObject(3, OffsetDateTime.ofInstant(made, ZoneOffset.UTC));
                ticket.setString(4, old.replace("S1", (String) row[0]));
                ticket.executeUpdate();
            }
            done.setObject(1, OffsetDateTime.ofInstant(made, ZoneOffset.UTC));
            done.executeUpdate();
        }

        try (Database upgraded = Database.open(url, TestDatabases.user(db), null)) {
            KitchenRepository kitchen = new KitchenRepository();
            List<KitchenTicket> open = upgraded.read(c -> {
                List<KitchenTicket> out = new java.util.ArrayList<>();
                for (KitchenRepository.TicketRow r : kitchen.openTickets(c, "o1", "p1", Instant.EPOCH)) {
                    out.add(TicketView.show(r, kitchen.marks(c, List.of(r.ticketId())).getOrDefault(r.ticketId(),
                            Map.of()), kitchen.progress(c, List.of(r.ticketId())).getOrDefault(r.ticketId(), Map.of()),
                            new StationSetup(List.of())));
                }
                return out;
            });

            assertEquals(1, open.size(), "the delivered sale's ticket is not on the screens");
            KitchenTicket t = open.get(0);
            assertEquals("S1", t.ticketId());
            assertEquals("IN_PREPARATION", t.status());
            assertEquals("7", t.table());
            assertEquals(List.of("1", "2"), t.items().stream().map(i -> i.lineId()).toList());
            assertEquals(List.of(false, true), t.items().stream().map(i -> i.done()).toList());
            assertEquals("kitchen", t.items().get(0).stationId());
            assertEquals(made, t.stations().get(0).startedAt());
            assertEquals(made, t.orderedAt());
        }
    }
}
