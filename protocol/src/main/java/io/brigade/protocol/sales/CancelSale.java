package io.brigade.protocol.sales;

/** Body of {@code POST .../sales/{saleId}/cancel}; {@code cancellationReason} is required. */
public record CancelSale(String salesChannelId, String cancellationReason, String cancellationNotes) {
}
