package io.brigade.server.auth;

import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.StaffCredential;
import io.brigade.protocol.staff.StaffSession;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Database;
import io.brigade.server.staff.StaffRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff sessions: a member signs in to the back office with their org and PIN and gets a bearer token (only its
 * SHA-256 digest is stored); the token names a {@link Caller.Staff} with the member's current role until it
 * expires, the member signs out or is removed.
 */
public final class StaffSessions {
    /** How a staff session token begins, so the authenticator tells it from OAuth tokens without a lookup. */
    public static final String TOKEN_PREFIX = "bst_";
    /** A session lasts a long shift; signing out ends it sooner. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private final Database database;
    private final SessionRepository sessions;
    private final StaffRepository staff;
    private final Clock clock;

    public StaffSessions(Database database, SessionRepository sessions, StaffRepository staff, Clock clock) {
        this.database = database;
        this.sessions = sessions;
        this.staff = staff;
        this.clock = clock;
    }

    /** A new session for the member whose PIN this is, or empty when no current member of the org has it. */
    public Optional<StaffSession> signIn(String orgId, String pin) {
        Optional<StaffCredential> who = holderOf(database.read(c -> staff.credentials(c, orgId)), pin);
        if (who.isEmpty()) {
            return Optional.empty();
        }
        String token = TOKEN_PREFIX + Secrets.randomToken(32);
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        database.inTransaction(c -> {
            sessions.deleteDead(c, orgId, now);
            sessions.insert(c, Secrets.sha256Hex(token), who.get().staffId(), orgId, expires);
            return null;
        });
        return Optional.of(new StaffSession(token, "Bearer", expires, who.get().staffId(), who.get().name(),
                who.get().role()));
    }

    public void signOut(String token) {
        database.inTransaction(c -> sessions.delete(c, Secrets.sha256Hex(token)));
    }

    /** The caller of a live session token. */
    Optional<Caller> find(Connection c, String token) throws SQLException {
        return sessions.find(c, Secrets.sha256Hex(token), clock.instant());
    }

    private static Optional<StaffCredential> holderOf(List<StaffCredential> members, String pin) {
        return members.stream().filter(m -> PinDigest.matches(pin, m.pinSalt(), m.pinDigest())).findFirst();
    }
}
