package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A till's request for a manager as the office lists it and the till follows it: {@code status} is {@code PENDING},
 * {@code APPROVED} (with {@code approvalId}, sent with the action as a PIN's approval is), {@code REFUSED},
 * {@code WITHDRAWN} (the till stopped waiting) or {@code EXPIRED} (nobody answered within ten minutes). The manager who
 * answered and their {@code answer} (their reason) are the office's.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApprovalPending(String requestId, String action, BigDecimal amount, String subject, String reason,
                              String requestedBy, String deviceName, Instant requestedAt, Instant expiresAt,
                              String status, String managerName, String answer, Instant decidedAt,
                              String approvalId) {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String EXPIRED = "EXPIRED";
}
