package io.brigade.server.sales;

/**
 * A validated sale on its way to the batcher: the sale with its server-owned fields, its idempotency key with
 * the canonical hash of the request, and the answer a retry with that key will get.
 */
record NewSale(SaleRecord record, String idempotencyKey, String requestHash, String answer) {
}
