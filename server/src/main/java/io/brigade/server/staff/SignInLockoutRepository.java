package io.brigade.server.staff;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong PINs per subject ({@code staff:<id>}, {@code device:<id>} or {@code address:<ip>}), apart from the API's
 * rate limits: {@link Policy#failures()} in a row lock the subject for {@link Policy#firstLock()}, doubled with
 * each further lockout up to {@link Policy#longestLock()}. A sign-in that succeeds clears the subject.
 */
public final class SignInLockoutRepository {

    /** How many wrong PINs lock a subject, and for how long. */
    public record Policy(int failures, Duration firstLock, Duration longestLock) {
        /** Five wrong PINs lock for five minutes, then ten, twenty... up to a day. */
        public static final Policy DEFAULT = new Policy(5, Duration.ofMinutes(5), Duration.ofDays(1));

        Duration lockFor(int lockouts) {
            Duration d = firstLock;
            for (int i = 1; i < lockouts && d.compareTo(longestLock) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(longestLock) > 0 ? longestLock : d;
        }
    }

    /** Until when {@code subject} is locked, if it is locked at {@code now}. */
    public Optional<Instant> lockedUntil(Connection c, String subject, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT locked_until FROM sign_in_lockouts WHERE subject = ?")) {
            Sql.bind(ps, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Instant until = Sql.instant(rs, "locked_until");
                    if (until != null && until.isAfter(now)) {
                        return Optional.of(until);
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** Counts a wrong PIN against {@code subject}; answers the end of the lockout it started, if it started one. */
    public Optional<Instant> failed(Connection c, String subject, Policy policy, Instant now) throws SQLException {
        int failures = 0;
        int lockouts = 0;
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, lockouts FROM sign_in_lockouts WHERE subject = ? FOR UPDATE")) {
            Sql.bind(ps, subject);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
                if (exists) {
                    failures = rs.getInt(1);
                    lockouts = rs.getInt(2);
                }
            }
        }
        failures++;
        Instant lockedUntil = null;
        if (failures >= policy.failures()) {
            lockouts++;
            failures = 0;
            lockedUntil = now.plus(policy.lockFor(lockouts));
        }
        String sql = exists
                ? "UPDATE sign_in_lockouts SET failures = ?, lockouts = ?, locked_until = ?, last_failure_at = ? "
                        + "WHERE subject = ?"
                : "INSERT INTO sign_in_lockouts (failures, lockouts, locked_until, last_failure_at, subject) "
                        + "VALUES (?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, failures, lockouts, lockedUntil, now, subject);
            ps.executeUpdate();
        }
        return Optional.ofNullable(lockedUntil);
    }

    /** A right PIN: the subject starts again from no failures and no lockouts. */
    public void succeeded(Connection c, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_lockouts WHERE subject = ?")) {
            Sql.bind(ps, subject);
            ps.executeUpdate();
        }
    }
}
