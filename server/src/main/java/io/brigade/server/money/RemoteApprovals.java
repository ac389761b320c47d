package io.brigade.server.money;

import io.brigade.protocol.money.Approval;
import io.brigade.protocol.money.ApprovalAnswer;
import io.brigade.protocol.money.ApprovalAsk;
import io.brigade.protocol.money.ApprovalPending;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A till's request for a manager answered from the office instead of a PIN on the till: the till asks (the action,
 * amount, subject and the cashier's reason, as for a PIN), the office lists what is waiting, and a manager signed in
 * there approves or refuses it with a reason of their own. An approval is the same one-action, ten-minute approval a
 * PIN gives; the till follows its request and goes on with the approval's id. A request nobody answers in ten
 * minutes expires; the till may withdraw it while it waits.
 */
public final class RemoteApprovals {
    private final Database database;
    private final ApprovalRequestRepository requests = new ApprovalRequestRepository();
    private final Approvals approvals;
    private final Clock clock;

    public RemoteApprovals(Database database, Approvals approvals, Clock clock) {
        this.database = database;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** The request as stored, and whether this call made it (false: asked before under its id). */
    public record Asked(ApprovalPending request, boolean created) {
    }

    public Asked ask(String orgId, String propertyId, Caller caller, ApprovalAsk body) {
        Validation v = new Validation();
        if (v.require(body.requestId(), "requestId") && !body.requestId().matches("[A-Za-z0-9-]{8,40}")) {
            v.error("requestId", "must be the till's own id for the request (a UUID)");
        }
        if (v.require(body.action(), "action") && !Approvals.ACTIONS.contains(body.action())) {
            v.error("action", "must be one of " + new java.util.TreeSet<>(Approvals.ACTIONS));
        }
        if (v.require(body.reason() == null || body.reason().isBlank() ? null : body.reason(), "reason")) {
            v.text(body.reason(), 500, "reason");
        }
        if (body.amount() != null && (body.amount().signum() < 0 || body.amount().stripTrailingZeros().scale() > 2
                || body.amount().compareTo(new BigDecimal("1000000")) > 0)) {
            v.error("amount", "must be an amount of 0 or more, in whole cents");
        }
        v.text(body.subject(), 100, "subject");
        v.text(body.requestedBy(), 200, "requestedBy");
        MoneyService.Device device = MoneyService.Device.of(caller, body.terminal(), v);
        v.throwIfMalformed();
        Instant now = clock.instant();
        ApprovalPending asked = new ApprovalPending(body.requestId(), body.action(), body.amount(), body.subject(),
                body.reason().strip(), body.requestedBy(), device.name(), now, now.plus(Approvals.VALID_FOR),
                ApprovalPending.PENDING, null, null, null, null);
        return database.inTransaction(c -> {
            approvals.requireStore(c, orgId, propertyId);
            Optional<ApprovalRequestRepository.Row> before = requests.find(c, orgId, body.requestId(), false);
            if (before.isPresent()) {
                ApprovalRequestRepository.Row row = before.get();
                if (!row.propertyId().equals(propertyId) || !row.view().action().equals(body.action())) {
                    throw InvalidInputException.unprocessable("requestId", "was used for another request; a new "
                            + "request needs a new id");
                }
                return new Asked(now(row.view(), now), false);
            }
            requests.insert(c, orgId, propertyId, device.id(), asked);
            return new Asked(asked, true);
        });
    }

    /** The store's requests waiting for a manager, oldest first. */
    public List<ApprovalPending> pending(String orgId, String propertyId) {
        Instant now = clock.instant();
        return database.read(c -> {
            approvals.requireStore(c, orgId, propertyId);
            return requests.pending(c, orgId, propertyId, now).stream().map(ApprovalRequestRepository.Row::view)
                    .toList();
        });
    }

    /** One request as it is now (the till waiting on it asks again and again). */
    public ApprovalPending get(String orgId, String propertyId, String requestId) {
        Instant now = clock.instant();
        return database.read(c -> now(find(c, orgId, propertyId, requestId, false).view(), now));
    }

    /** A manager at the office approves: the request carries the approval's id for the till. */
    public ApprovalPending approve(String orgId, String propertyId, Caller caller, String requestId,
                                   ApprovalAnswer body) {
        return answer(orgId, propertyId, caller, requestId, body, (c, row, manager, name, reason, now) -> {
            ApprovalPending r = row.view();
            Approval given = approvals.grant(c, orgId, propertyId, r.action(), r.amount(), r.subject(), reason,
                    manager.staffId(), name, r.requestedBy(), new MoneyService.Device(row.deviceId(), r.deviceName()),
                    now);
            requests.decide(c, requestId, ApprovalPending.APPROVED, now, manager.staffId(), name, reason,
                    given.approvalId());
        });
    }

    /** A manager at the office refuses, with why; the till says so. */
    public ApprovalPending refuse(String orgId, String propertyId, Caller caller, String requestId,
                                  ApprovalAnswer body) {
        return answer(orgId, propertyId, caller, requestId, body, (c, row, manager, name, reason, now) -> {
            requests.decide(c, requestId, ApprovalPending.REFUSED, now, manager.staffId(), name, reason, null);
            approvals.record(c, new AuditRepository.Entry(orgId, propertyId, now, "APPROVAL_REFUSED",
                    manager.staffId(), name, row.deviceId(), row.view().deviceName(), row.view().amount(), reason,
                    row.view().action() + (row.view().subject() == null ? "" : " " + row.view().subject()), null,
                    null));
        });
    }

    /** What a manager's answer does to a waiting request, in the answer's transaction. */
    @FunctionalInterface
    private interface Decision {
        void apply(Connection c, ApprovalRequestRepository.Row row, Caller.Staff manager, String managerName,
                   String reason, Instant now) throws SQLException;
    }

    /**
     * A manager's answer to a request still waiting: the reason required, the request locked, the manager's own
     * session and name, then {@code decision}; answers the request as it now is.
     */
    private ApprovalPending answer(String orgId, String propertyId, Caller caller, String requestId,
                                   ApprovalAnswer body, Decision decision) {
        String reason = reason(body);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            ApprovalRequestRepository.Row row = waiting(c, orgId, propertyId, requestId, now);
            Caller.Staff manager = person(caller);
            decision.apply(c, row, manager, approvals.staffName(c, orgId, manager.staffId()), reason, now);
            return find(c, orgId, propertyId, requestId, false).view();
        });
    }

    /** The till stopped waiting: the office no longer lists the request. */
    public ApprovalPending withdraw(String orgId, String propertyId, String requestId) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            waiting(c, orgId, propertyId, requestId, now);
            requests.decide(c, requestId, ApprovalPending.WITHDRAWN, now, null, null, null, null);
            return find(c, orgId, propertyId, requestId, false).view();
        });
    }

    /**
     * The manager answering: an answer names a person, so the org's own client (allowed on the route, as on every
     * manager's route) is refused here, once the request is known to be the org's (another org's reads as unknown).
     */
    private static Caller.Staff person(Caller caller) {
        if (caller instanceof Caller.Staff staff && staff.role() == io.brigade.protocol.staff.StaffRole.MANAGER) {
            return staff;
        }
        throw new io.brigade.server.domain.ForbiddenException("a manager answers with their own session (sign in "
                + "with their PIN): the answer names them");
    }

    private static String reason(ApprovalAnswer body) {
        Validation v = new Validation();
        if (v.require(body.reason() == null || body.reason().isBlank() ? null : body.reason(), "reason")) {
            v.text(body.reason(), 500, "reason");
        }
        v.throwIfMalformed();
        return body.reason().strip();
    }

    /** The request, locked, still waiting for an answer; else 409 saying what became of it. */
    private ApprovalRequestRepository.Row waiting(Connection c, String orgId, String propertyId, String requestId,
                                                  Instant now) throws SQLException {
        ApprovalRequestRepository.Row row = find(c, orgId, propertyId, requestId, true);
        ApprovalPending r = now(row.view(), now);
        if (!ApprovalPending.PENDING.equals(r.status())) {
            throw new ConflictException("the request is " + r.status().toLowerCase(java.util.Locale.ROOT)
                    + (r.managerName() == null ? "" : " (by " + r.managerName() + ")") + ": it waits for nothing more");
        }
        return row;
    }

    private ApprovalRequestRepository.Row find(Connection c, String orgId, String propertyId, String requestId,
                                               boolean lock) throws SQLException {
        approvals.requireStore(c, orgId, propertyId);
        return requests.find(c, orgId, requestId, lock).filter(r -> r.propertyId().equals(propertyId))
                .orElseThrow(() -> new NotFoundException("approval request " + requestId));
    }

    /** A pending request past its time reads as expired. */
    private static ApprovalPending now(ApprovalPending r, Instant now) {
        if (!ApprovalPending.PENDING.equals(r.status()) || now.isBefore(r.expiresAt())) {
            return r;
        }
        return new ApprovalPending(r.requestId(), r.action(), r.amount(), r.subject(), r.reason(), r.requestedBy(),
                r.deviceName(), r.requestedAt(), r.expiresAt(), ApprovalPending.EXPIRED, null, null, null, null);
    }
}
