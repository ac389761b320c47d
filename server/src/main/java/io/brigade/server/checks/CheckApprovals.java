package io.brigade.server.checks;

import io.brigade.server.access.Caller;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the store asks before table service changes money already promised: a void of a line the kitchen has, and
 * reopening a closed check. The check feature asks here, inside the operation's transaction, and goes on only if
 * this returns; a refusal is a domain exception (403 without the approval the store asks for, 422 for an approval
 * that does not fit, 409 when the day is closed). Money control fills this with its approvals and audit log.
 */
public interface CheckApprovals {

    /** What is voided: the check and line, how many, what that takes off the bill, why, and the approval sent. */
    record VoidRequest(String orgId, String propertyId, String checkId, String lineId, int quantity,
                       BigDecimal amount, String reason, String approvalId) {
    }

    /** What is reopened: the check (and its label), what its sales charged, the sales cancelled, why, the approval. */
    record ReopenRequest(String orgId, String propertyId, String checkId, String label, BigDecimal amount,
                         List<String> saleIds, String reason, String approvalId) {
    }

    void voidOfSentLine(Connection c, Caller caller, VoidRequest request) throws SQLException;

    void reopen(Connection c, Caller caller, ReopenRequest request) throws SQLException;
}
