package io.brigade.desktop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.OutboxRepository.NewEvent;
import io.brigade.desktop.local.OutboxRepository.NewSale;
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

    /** Sends the next sale or cancellation and checks it was {@code expected}. */
    private void sendsSale(UUID expected) {
        OutboxEntry next = outbox.nextSaleOrCancel().orElseThrow();
        assertEquals(expected, next.id());
        outbox.markSent(List.of(next.id()), null, AT);
    }

    /** Sends the next event batch and checks it was exactly {@code expected}. */
    private void sendsEvents(int max, List<UUID> expected) {
        List<OutboxEntry> next = outbox.nextEvents(max);
        assertEquals(expected, ids(next));
        outbox.markSent(ids(next), null, AT);
    }

    @Test
    void aReceiptJobKeptWithASaleIsStoredInTheSalesTransaction() {
        PrintQueue queue = new PrintQueue(db);
        UUID job = UUID.randomUUID();
        OutboxRepository.WithSale with = new OutboxRepository.WithSale(queue.insertion(new PrintQueue.NewJob(job,
                "receipt:1", "counter", "RECEIPT", "Receipt 0001", "{}", true, "Ciara", AT)), () -> { });
        NewSale sale = sale();

        outbox.appendSale(sale, List.of(event()), with);

        assertEquals(1, outbox.pendingSales());
        assertEquals(PrintQueue.State.WAITING, queue.find(job).orElseThrow().state());
    }

    @Test
    void aSaleWhoseReceiptJobCannotBeWrittenIsStoredWithoutIt() {
        PrintQueue queue = new PrintQueue(db);
        UUID job = UUID.randomUUID();
        OutboxRepository.WithSale broken = new OutboxRepository.WithSale(c -> {
            queue.insertion(new PrintQueue.NewJob(job, null, "counter", "RECEIPT", "Receipt 0001", "{}", true,
                    "Ciara", AT)).run(c);
            throw new java.sql.SQLException("disk trouble after the job's row");
        }, () -> { });

        outbox.appendSale(sale(), List.of(event()), broken);

        assertEquals(1, outbox.pendingSales(), "the sale is stored");
        assertTrue(queue.find(job).isEmpty(), "nothing of the failed rows stays");
    }

    @Test
    void salesAndCancellationsGoOneAtATimeInOrderAndEventsInBatchesApart() {
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
        assertEquals(4, outbox.pendingSales(), "three sales and a cancellation wait; events are not counted");

        sendsSale(s1.id());                              // events queued earlier do not hold a sale back
        OutboxEntry refused = outbox.nextSaleOrCancel().orElseThrow();
        assertEquals(s2.id(), refused.id());
        outbox.park(List.of(refused.id()), "HTTP 422: no");
        sendsSale(s3.id());                              // a parked row does not hold up the queue
        sendsSale(cancel);                               // and a cancellation follows its sale
        assertTrue(outbox.nextSaleOrCancel().isEmpty());

        List<UUID> allEvents = new java.util.ArrayList<>(ids(before, 0, 3));
        allEvents.add(placed.id());
        allEvents.add(viewed.id());
        sendsEvents(2, allEvents.subList(0, 2));         // a batch stops at the limit...
        sendsEvents(200, allEvents.subList(2, 5));       // ...and the rest follows, in order
        assertTrue(outbox.nextEvents(200).isEmpty());
        assertEquals(0, outbox.pendingSales());
        assertEquals(1, outbox.parkedCount());
        assertEquals(List.of(s2.id()), ids(outbox.parked()));
    }
}
