package io.brigade.protocol.kitchen;

import java.time.Instant;

/**
 * One stored kitchen event: {@code seq} is the org's cursor (the SSE {@code id:}), {@code type} the SSE
 * {@code event:} name ({@link #TICKET_CREATED}, {@link #TICKET_STATUS}, {@link #ITEM_DONE}) and
 * {@code payload} its JSON {@code data:}.
 */
public record KitchenEvent(long seq, String propertyId, String saleId, String type, String payload) {
    /** data: a whole {@link KitchenTicket}. */
    public static final String TICKET_CREATED = "ticket-created";
    /** data: {@link StatusChange} (the sale's new status; tickets leave the display past ready). */
    public static final String TICKET_STATUS = "ticket-status";
    /** data: {@link ItemDone}. */
    public static final String ITEM_DONE = "item-done";

    /** The payload of {@link #TICKET_STATUS}. */
    public record StatusChange(String saleId, String status, Instant bumpedAt, Instant at) {
    }

    /** The payload of {@link #ITEM_DONE}. */
    public record ItemDone(String saleId, int lineNo, boolean done, Instant at) {
    }
}
