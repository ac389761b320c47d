package io.brigade.protocol.kitchen;

/**
 * One stored kitchen event: {@code seq} is the org's cursor (the SSE {@code id:}), {@code type} the SSE
 * {@code event:} name and {@code payload} its JSON {@code data:}. {@code ticketId} is the ticket the event is
 * about ({@link #STATIONS} events name no ticket: {@link #NO_TICKET}).
 */
public record KitchenEvent(long seq, String propertyId, String ticketId, String type, String payload) {
    /** data: the whole new {@link KitchenTicket}. */
    public static final String TICKET_CREATED = "ticket-created";
    /**
     * data: the whole {@link KitchenTicket} after a change (start, bump, recall, a line done or voided, served);
     * a display replaces its copy, and drops it once it is no longer {@link KitchenTicket#open()}.
     */
    public static final String TICKET_UPDATED = "ticket-updated";
    /** data: the store's {@link KitchenStations} after a manager changed them. */
    public static final String STATIONS = "stations";
    /** The ticket id of events about no ticket. */
    public static final String NO_TICKET = "-";
}
