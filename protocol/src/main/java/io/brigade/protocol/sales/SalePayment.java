package io.brigade.protocol.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment line; refunds are separate lines of type Refund. */
public record SalePayment(PaymentType type, PaymentMethod paymentMethod, BigDecimal amount, Instant paidAt,
                          String description1) {
}
