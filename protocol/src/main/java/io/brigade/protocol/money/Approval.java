package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** A manager's approval: sent with the action it approves ({@code approvalId}), once, before {@code expiresAt}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Approval(String approvalId, String action, BigDecimal amount, String subject, String reason,
                       String managerName, Instant approvedAt, Instant expiresAt) {
}
