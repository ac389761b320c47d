package io.brigade.desktop.printing;

import io.brigade.desktop.client.KitchenStream;
import io.brigade.desktop.local.SettingsRepository;
import io.brigade.desktop.local.StoreCache;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.store.StorePrinter;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kitchen chits for kitchens without screens (or as their backup): this PC follows the store's kitchen stream, like
 * a kitchen screen, and queues a chit for each station of each new ticket on every printer that prints that
 * station's chits, and a void chit for each line voided after it was sent. Only one PC of a store does this (the
 * one that serves the store, unless a manager chose another), so nothing prints twice. Each chit has a key (ticket,
 * station, printer; or ticket, line and voided quantity), and the stream's cursor is kept on disk after the chits
 * are queued: a restart resumes where it was, and an event read again queues nothing new.
 */
public final class ChitPrinting implements KitchenStream.Listener, AutoCloseable {
    /** This PC's setting: "true" when it prints the store's kitchen chits. */
    public static final String HOST = "printing.chitHost";
    static final String CURSOR = "printing.chitCursor";
    private static final Logger LOG = LoggerFactory.getLogger(ChitPrinting.class);

    private final Printing printing;
    private final StoreCache store;
    private final SettingsRepository local;
    private final ReceiptPrinting receipts;
    private final ZoneId zone;
    private final KitchenStream stream;
    private volatile boolean caughtUp;

    public ChitPrinting(Printing printing, StoreCache store, SettingsRepository local, ReceiptPrinting receipts,
                        ZoneId zone, Function<KitchenStream.Listener, KitchenStream> streams) {
        this.printing = printing;
        this.store = store;
        this.local = local;
        this.receipts = receipts;
        this.zone = zone;
        this.stream = streams.apply(this);
    }

    /** Whether this PC prints the chits: as set on it, else when it serves the store. */
    public static boolean hosts(SettingsRepository local, boolean servesTheStore) {
        return local.value(HOST).map(Boolean::parseBoolean).orElse(servesTheStore);
    }

    /** Follows the stream from where this PC left it (from now, the first time). */
    public ChitPrinting start() {
        stream.start(local.value(CURSOR).orElse(null));
        return this;
    }

    @Override
    public void connected() {
        caughtUp = true;
        LOG.info("kitchen chits: following the store's kitchen stream");
    }

    @Override
    public void disconnected(String why) {
        LOG.warn("kitchen chits: the kitchen stream is down ({}); reconnecting", why);
    }

    /** True once the stream is open (the server answered from its snapshot or from this PC's cursor). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void event(String id, String type, String data) {
        caughtUp = true;
        if (store.printers().stream().allMatch(p -> p.stationIds() == null || p.stationIds().isEmpty())) {
            return; // no printer prints chits: every kitchen has its screens
        }
        try {
            boolean queued = switch (type) {
                case KitchenEvent.TICKET_CREATED -> created(Json.mapper().readValue(data, KitchenTicket.class));
                case KitchenEvent.TICKET_UPDATED -> voids(Json.mapper().readValue(data, KitchenTicket.class));
                // A snapshot holds tickets already in the kitchen (printed before, or sent before this PC printed
                // chits); station changes print nothing.
                default -> false;
            };
            if (queued && id != null) {
                // Only after chits were queued: events read again after a restart queue nothing new.
                local.put(CURSOR, id);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("kitchen chits: event {} ({}) not printed", id, type, e);
        }
    }

    private boolean created(KitchenTicket ticket) {
        boolean queued = false;
        for (KitchenTicket.Station station : ticket.stations()) {
            List<KitchenItem> lines = ticket.items().stream().filter(i -> station.stationId().equals(i.stationId()))
                    .toList();
            if (lines.stream().allMatch(i -> i.liveQuantity() == 0)) {
                continue;
            }
            for (StorePrinter p : printersOf(station.stationId())) {
                printing.print(p.printerId(), Printing.CHIT, station.name() + " " + label(ticket),
                        ChitLayout.chit(ticket, station.name(), lines, receipts.settings(), zone),
                        "chit:" + ticket.ticketId() + ":" + station.stationId() + ":" + p.printerId(), null);
                queued = true;
            }
        }
        return queued;
    }

    private boolean voids(KitchenTicket ticket) {
        boolean queued = false;
        for (KitchenItem item : ticket.items()) {
            if (item.voidedQuantity() <= 0 || item.stationId() == null) {
                continue;
            }
            String stationName = Optional.ofNullable(ticket.station(item.stationId()))
                    .map(KitchenTicket.Station::name).orElse(item.stationId());
            for (StorePrinter p : printersOf(item.stationId())) {
                // The key holds the quantity voided so far: a later void of the same line prints its own chit.
                printing.print(p.printerId(), Printing.VOID, stationName + " " + label(ticket),
                        ChitLayout.voided(ticket, stationName, item, item.voidedQuantity(), receipts.settings(), zone),
                        "void:" + ticket.ticketId() + ":" + item.lineId() + ":" + item.voidedQuantity() + ":"
                                + p.printerId(), null);
                queued = true;
            }
        }
        return queued;
    }

    private static String label(KitchenTicket t) {
        return t.table() != null && !t.table().isBlank() ? t.table() : t.displayId();
    }

    private List<StorePrinter> printersOf(String stationId) {
        return store.printers().stream().filter(p -> p.stationIds() != null && p.stationIds().contains(stationId))
                .toList();
    }

    @Override
    public void close() {
        stream.close();
    }
}
