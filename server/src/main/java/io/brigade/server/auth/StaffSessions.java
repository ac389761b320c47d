package io.brigade.server.auth;

import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.StaffCredential;
import io.brigade.protocol.staff.StaffSession;
import io.brigade.server.access.Caller;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import io.brigade.server.staff.PinIndex;
import io.brigade.server.staff.SignInLockoutRepository;
import io.brigade.server.staff.StaffRepository;
import io.brigade.server.staff.StaffService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Staff sessions: a member signs in to the back office with their org and PIN and gets a bearer token (only its
 * SHA-256 digest is stored); the token names a {@link Caller.Staff} with the member's current role until it
 * expires, the member signs out or is removed. The PIN is found by its keyed digest ({@link PinIndex}) in one
 * indexed look-up, so a sign-in costs the same whether or not the org or the PIN exists; wrong PINs lock the
 * caller and, when the request names the member, their account ({@link SignInLockoutRepository}).
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
    private final PinIndex index;
    private final SignInLockoutRepository lockouts = new SignInLockoutRepository();
    private final SignInLockoutRepository.Policy policy;

    public StaffSessions(Database database, SessionRepository sessions, StaffRepository staff, Clock clock) {
        this(database, sessions, staff, clock, SignInLockoutRepository.Policy.DEFAULT);
    }

    public StaffSessions(Database database, SessionRepository sessions, StaffRepository staff, Clock clock,
                         SignInLockoutRepository.Policy policy) {
        this.database = database;
        this.sessions = sessions;
        this.staff = staff;
        this.clock = clock;
        this.policy = policy;
        this.index = new PinIndex(database, staff);
    }

    /**
     * Who signs in and from where: the org, the PIN, optionally the member they say they are, and the caller
     * whose wrong PINs lock it ({@code device:<id>} for a paired device, {@code address:<ip>} otherwise), and the
     * paired device the session is opened on (null on the store server's own computer): revoking the device ends it.
     */
    public record SignIn(String orgId, String pin, String staffId, String caller, String deviceId) {

        public SignIn(String orgId, String pin, String staffId, String caller) {
            this(orgId, pin, staffId, caller, null);
        }
    }

    /** A session, a wrong PIN, or a lockout (of this caller or of the account) and until when. */
    public sealed interface Outcome {
        record Opened(StaffSession session) implements Outcome {
        }

        record WrongPin() implements Outcome {
        }

        record Locked(Instant until, String what) implements Outcome {
        }
    }

    /**
     * Signs a member in. The same steps run whether or not the org and PIN exist: the lockout look-ups, one keyed
     * digest and one indexed look-up, then a failure or a session written.
     */
    public Outcome signIn(SignIn request) {
        Instant now = clock.instant();
        String callerSubject = request.caller();
        String staffSubject = request.staffId() == null ? null : "staff:" + request.staffId();
        String pinIndex = index.of(request.orgId(), request.pin());
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(c -> signIn(c, request, pinIndex, callerSubject, staffSubject, now));
            } catch (DataAccessException e) {
                // Two first failures of one subject at once: the loser's insert breaks; its retry counts on.
                if (!e.isUniqueViolation() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Outcome signIn(Connection c, SignIn request, String pinIndex, String callerSubject, String staffSubject,
                           Instant now) throws SQLException {
        Optional<Instant> callerLock = lockouts.lockedUntil(c, callerSubject, now);
        if (callerLock.isPresent()) {
            return new Outcome.Locked(callerLock.get(), "this device");
        }
        if (staffSubject != null) {
            Optional<Instant> staffLock = lockouts.lockedUntil(c, staffSubject, now);
            if (staffLock.isPresent()) {
                return new Outcome.Locked(staffLock.get(), "this staff account");
            }
        }
        Optional<StaffRepository.Holder> who = staff.findByPinIndex(c, pinIndex)
                .filter(h -> h.orgId().equals(request.orgId()));
        if (who.isEmpty()) {
            who = legacyHolder(c, request.orgId(), request.pin(), pinIndex);
        }
        boolean right = who.isPresent()
                && (request.staffId() == null || request.staffId().equals(who.get().staffId()))
                && (who.get().demoOrg() || !StaffService.DEMO_PINS.contains(request.pin()));
        if (!right) {
            Optional<Instant> locked = lockouts.failed(c, callerSubject, policy, now);
            if (staffSubject != null) {
                Optional<Instant> staffLocked = lockouts.failed(c, staffSubject, policy, now);
                if (staffLocked.isPresent()) {
                    return new Outcome.Locked(staffLocked.get(), "this staff account");
                }
            }
            return locked.<Outcome>map(until -> new Outcome.Locked(until, "this device"))
                    .orElse(new Outcome.WrongPin());
        }
        StaffRepository.Holder member = who.get();
        String memberSubject = "staff:" + member.staffId();
        Optional<Instant> memberLock = lockouts.lockedUntil(c, memberSubject, now);
        if (memberLock.isPresent()) {
            // The right PIN of a locked account opens nothing until the lockout ends.
            return new Outcome.Locked(memberLock.get(), "this staff account");
        }
        lockouts.succeeded(c, callerSubject);
        lockouts.succeeded(c, memberSubject);
        String token = TOKEN_PREFIX + Secrets.randomToken(32);
        Instant expires = now.plus(LIFETIME);
        sessions.deleteDead(c, member.orgId(), now);
        sessions.insert(c, Secrets.sha256Hex(token), member.staffId(), member.orgId(), expires,
                request.deviceId());
        return new Outcome.Opened(new StaffSession(token, "Bearer", expires, member.staffId(), member.name(),
                member.role(), member.pinChangeRequired()));
    }

    /**
     * Members stored before the keyed digest existed are checked one PBKDF2 each, and get their digest when it
     * matches; an org with none (every org made since) costs one indexed look-up that finds nothing.
     */
    private Optional<StaffRepository.Holder> legacyHolder(Connection c, String orgId, String pin, String pinIndex)
            throws SQLException {
        for (StaffCredential m : staff.withoutPinIndex(c, orgId)) {
            if (PinDigest.matches(pin, m.pinSalt(), m.pinDigest())) {
                staff.setPinIndex(c, m.staffId(), pinIndex);
                return staff.findByPinIndex(c, pinIndex);
            }
        }
        return Optional.empty();
    }

    public void signOut(String token) {
        database.inTransaction(c -> sessions.delete(c, Secrets.sha256Hex(token)));
    }

    /** The caller of a live session token. */
    Optional<Caller> find(Connection c, String token) throws SQLException {
        return sessions.find(c, Secrets.sha256Hex(token), clock.instant());
    }
}
