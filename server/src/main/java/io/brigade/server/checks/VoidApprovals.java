package io.brigade.server.checks;

import io.brigade.server.access.Caller;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether a void of a line the kitchen already has may go ahead: the store may ask for a manager's approval. The
 * check feature asks here, inside the void's transaction, and applies the void only if this returns; a refusal is
 * a domain exception (403 without the approval the store asks for, 422 for an approval that does not fit).
 * Money control fills this with its approvals; until then every store accepts a void with a reason.
 */
@FunctionalInterface
public interface VoidApprovals {

    /** What is voided: the check and line, how many, what that takes off the bill, why, and the approval sent. */
    record VoidRequest(String orgId, String propertyId, String checkId, String lineId, int quantity,
                       BigDecimal amount, String reason, String approvalId) {
    }

    void approve(Connection c, Caller caller, VoidRequest request) throws SQLException;

    /** No store asks for an approval: a reason is enough. */
    VoidApprovals REASON_ENOUGH = (c, caller, request) -> {
    };
}
