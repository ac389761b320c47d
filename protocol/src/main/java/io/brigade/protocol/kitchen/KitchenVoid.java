package io.brigade.protocol.kitchen;

/**
 * A line voided after it was sent ({@code POST .../kitchen/voids}): {@code quantity} of check {@code checkId}'s
 * line {@code lineId} (all that is left when null), with a {@code reason} the kitchen sees at once. Idempotent on
 * {@code operationId}: the same id again answers the ticket and voids nothing more.
 */
public record KitchenVoid(String operationId, String checkId, String lineId, Integer quantity, String reason) {
}
