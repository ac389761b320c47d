package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A refund given: its amount and method, the lines it took back, and the sale's refunds so far. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Refund(String refundId, String saleId, BigDecimal amount, PaymentMethod paymentMethod, String reason,
                     List<RefundRequest.Line> lines, Instant refundedAt, BigDecimal totalRefunds,
                     BigDecimal refundable) {
}
