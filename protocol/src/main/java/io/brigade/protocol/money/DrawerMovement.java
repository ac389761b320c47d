package io.brigade.protocol.money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Cash moved by hand at a shift's drawer: {@code PAY_IN} and {@code PAY_OUT} with an amount and a reason, or a
 * {@code NO_SALE} open of the drawer (no amount). {@code movementId} is the till's own UUID for it.
 * {@code approvalId} names a manager's approval when the store asks for one.
 */
public record DrawerMovement(String movementId, String kind, BigDecimal amount, String reason, Instant at,
                             String staffId, String staffName, String approvalId) {
}
