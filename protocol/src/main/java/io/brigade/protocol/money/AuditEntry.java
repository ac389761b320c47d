package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One money-affecting action: {@code DISCOUNT}, {@code VOID_SALE}, {@code VOID}, {@code REFUND}, {@code PAY_IN},
 * {@code PAY_OUT}, {@code NO_SALE}, {@code SHIFT_OPEN}, {@code SHIFT_CLOSE}, {@code APPROVAL} or {@code Z_REPORT};
 * who did it, on which device, when, why, how much, about what, and the manager who approved it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntry(Instant at, String action, String staffName, String deviceName, BigDecimal amount,
                         String reason, String subject, String approvedBy) {
}
