package io.brigade.desktop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.sync.OutboxRepository.NewEvent;
import io.brigade.desktop.sync.OutboxRepository.NewSale;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which the outbox hands rows to the sync worker, over a real local H2 file. */
class OutboxRepositoryTest {
    private static final Instant AT = Instant.parse("2026-11-25T12:30:00Z");
    @TempDir
    Path dir;
    private LocalDatabase db;
    private OutboxRepository outbox;

    @BeforeEach
    void open() {
        db = LocalDatabase.open(dir);
        outbox = new OutboxRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID(), "{}", AT);
    }

    private static List<NewEvent> events(int n) {
        return IntStream.range(0, n).mapToObj(i -> event()).toList();
    }

    private static NewSale sale() {
        return new NewSale(UUID.randomUUID(), "{}", "0001", new BigDecimal("2.50"), "Ciara", AT);
    }

    private static List<UUID> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    private static List<UUID> ids(List<NewEvent> events, int from, int to) {
        return events.subList(from, to).stream().map(NewEvent::id).toList();
    }

    /** Sends what {@code nextToSend} offers and checks it was exactly {@code expected}. */
    private void sendsNext(int max, List<UUID> expected) {
        List<OutboxEntry> next = outbox.nextToSend(max);
        assertEquals(expected, ids(next));
        outbox.markSent(ids(next), null, AT);
    }

    @Test
    void eventsTravelInBatchesAndSalesOneAtATime() {
        List<NewEvent> before = events(3);
        outbox.appendEvents(before);
        NewSale s1 = sale();
        NewEvent placed = event();
        outbox.appendSale(s1, List.of(placed)); // the sale, then its order_placed event
        NewEvent viewed = event();
        outbox.appendEvents(List.of(viewed));
        NewSale s2 = sale();
        outbox.appendSale(s2, List.of());
        NewSale s3 = sale();
        outbox.appendSale(s3, List.of());
        UUID cancel = UUID.randomUUID();
        outbox.appendCancel(cancel, s3.id(), "{}", AT);
        List<NewEvent> after = events(5);
        outbox.appendEvents(after);
        assertEquals(4, outbox.pendingSales(), "three sales and a cancellation wait; events are not counted");

        sendsNext(200, ids(before, 0, 3));               // consecutive events: one batch
        sendsNext(200, List.of(s1.id()));                // a sale alone, though events follow it
        sendsNext(200, List.of(placed.id(), viewed.id())); // the run of events after it, across transactions
        List<OutboxEntry> refused = outbox.nextToSend(200);
        assertEquals(List.of(s2.id()), ids(refused));     // two sales in a row still go one at a time
        outbox.park(ids(refused), "HTTP 422: no");
        sendsNext(200, List.of(s3.id()));                 // a parked row does not hold up the queue
        sendsNext(200, List.of(cancel));                  // a cancellation alone too
        sendsNext(2, ids(after, 0, 2));                   // a batch stops at the limit...
        sendsNext(200, ids(after, 2, 5));                 // ...and the rest follows
        assertTrue(outbox.nextToSend(200).isEmpty());
        assertEquals(0, outbox.pendingSales());
        assertEquals(List.of(s2.id()), ids(outbox.parked()));
    }

    @Test
    void aSaleWaitsBehindTheEventsQueuedBeforeIt() {
        List<NewEvent> before = events(250);
        outbox.appendEvents(before);
        NewSale sale = sale();
        outbox.appendSale(sale, List.of());

        sendsNext(200, ids(before, 0, 200));
        sendsNext(200, ids(before, 200, 250)); // the batch ends where the sale begins
        sendsNext(200, List.of(sale.id()));
    }

    @Test
    void eventsAroundAParkedSaleTravelTogether() {
        NewEvent before = event();
        outbox.appendEvents(List.of(before));
        NewSale refused = sale();
        outbox.appendSale(refused, List.of());
        NewEvent after = event();
        outbox.appendEvents(List.of(after));
        outbox.park(List.of(refused.id()), "HTTP 422: no");

        sendsNext(200, List.of(before.id(), after.id()));
        assertTrue(outbox.nextToSend(200).isEmpty());
    }
}
