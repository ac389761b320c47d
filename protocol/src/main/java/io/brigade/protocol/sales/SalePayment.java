package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment line; refunds are separate lines of type Refund. A pushed Refund may carry a negative or a positive
 * amount; it is stored and read back as the positive amount refunded.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SalePayment(PaymentType type, PaymentMethod paymentMethod, BigDecimal amount, Instant paidAt,
                          String description1) {
}
