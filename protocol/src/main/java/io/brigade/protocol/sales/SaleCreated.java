package io.brigade.protocol.sales;

import java.time.Instant;

/** The answer to a sale push. */
public record SaleCreated(String saleId, String displayId, Instant createdAt, Instant dispatchTime,
                          SaleStatus status) {
}
