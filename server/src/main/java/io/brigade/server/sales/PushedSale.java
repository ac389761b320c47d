package io.brigade.server.sales;

/**
 * The answer to a sale push: {@code body} is the created sale (ids, times, status) as JSON, the same bytes for
 * the push that created it and for every retry with its key ({@code replayed}).
 */
public record PushedSale(String saleId, byte[] body, boolean replayed) {
}
