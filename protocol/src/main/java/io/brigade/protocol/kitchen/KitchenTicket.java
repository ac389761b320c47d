package io.brigade.protocol.kitchen;

import io.brigade.protocol.sales.DispatchType;
import java.time.Instant;
import java.util.List;

/**
 * One fired round as the kitchen sees it: a paid sale ({@link #SALE}: {@code saleId} set, one ticket per sale) or
 * a check's Send ({@link #CHECK}: {@code checkId}, {@code round} and {@code course} set). {@code orderedAt} is when
 * it was ordered or sent on the till (a round rung offline keeps that time), {@code createdAt} when the server got
 * it. {@code status} is one of {@link #NEW}, {@link #IN_PREPARATION}, {@link #READY} (every station with something
 * left to make on it has bumped), {@link #VOIDED} (every line voided) or {@link #SERVED} (cleared from the pass).
 * {@code stations} is each station's progress on this ticket, in the store's station order.
 */
public record KitchenTicket(String ticketId, String source, String saleId, String checkId, String displayId,
                            String propertyId, DispatchType dispatchType, String table, Integer guests,
                            Integer round, Integer course, Instant orderedAt, Instant createdAt, String status,
                            Instant readyAt, Instant servedAt, List<KitchenItem> items, List<Station> stations) {
    public static final String SALE = "SALE";
    public static final String CHECK = "CHECK";

    public static final String NEW = "NEW";
    public static final String IN_PREPARATION = "IN_PREPARATION";
    public static final String READY = "READY";
    public static final String VOIDED = "VOIDED";
    public static final String SERVED = "SERVED";

    /**
     * One station's part of the ticket: started and bumped there (null until then). {@code liveLines} counts its
     * lines not wholly voided; a station whose lines were all voided is not waited for.
     */
    public record Station(String stationId, String name, Instant startedAt, Instant bumpedAt, int liveLines) {
        public boolean bumped() {
            return bumpedAt != null;
        }
    }

    /** Whether a kitchen screen still shows this ticket (not yet served or cleared). */
    public boolean open() {
        return !SERVED.equals(status);
    }

    /** This station's progress, or null when it has nothing on this ticket. */
    public Station station(String stationId) {
        for (Station s : stations) {
            if (s.stationId().equals(stationId)) {
                return s;
            }
        }
        return null;
    }

    /** The ticket with only {@code stationId}'s lines (what that station's screen shows). */
    public KitchenTicket onlyStation(String stationId) {
        return new KitchenTicket(ticketId, source, saleId, checkId, displayId, propertyId, dispatchType, table, guests,
                round, course, orderedAt, createdAt, status, readyAt, servedAt,
                items.stream().filter(i -> stationId.equals(i.stationId())).toList(),
                stations.stream().filter(s -> s.stationId().equals(stationId)).toList());
    }
}
