package io.brigade.server.auth;

import io.brigade.protocol.Headers;
import io.brigade.protocol.devices.Devices;
import io.brigade.protocol.staff.LanguageChange;
import io.brigade.protocol.staff.PinChange;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.SessionRequest;
import io.brigade.protocol.staff.StaffSession;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.domain.Validation;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.staff.StaffService;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /backoffice/v1/sessions} signs a staff member in with the org and their PIN: on the store server's
 * own computer as is, from any other computer only on a paired device (its credential as {@code Authorization:
 * Bearer bdv_...}), whose revocation then ends the session. {@code DELETE /backoffice/v1/sessions/current} signs
 * the caller's session out; {@code .../current/pin} and {@code .../current/language} let the signed-in member
 * choose their own PIN and language.
 */
public final class SessionRoutes {
    private final StaffSessions sessions;
    private final StaffService staff;
    private final Clock clock;
    private final Authenticator authenticator;

    public SessionRoutes(StaffSessions sessions, StaffService staff, Clock clock, Authenticator authenticator) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.staff = staff;
        this.clock = clock;
    }

    public void register(Router router) {
        router.post("/backoffice/v1/sessions", Access.open(), this::signIn)
                .delete("/backoffice/v1/sessions/current", Access.staffSession(), this::signOut)
                .put("/backoffice/v1/sessions/current/pin", Access.staffSession(), this::changePin)
                .put("/backoffice/v1/sessions/current/language", Access.staffSession(), this::changeLanguage);
    }

    private Reply signIn(Exchange ex) throws Exception {
        // A PIN has few digits: wrong ones lock the caller (and the account they name), apart from API quotas.
        String caller = "address:" + Request.getRemoteAddr(ex.request());
        Caller.Device device = device(ex);
        if (device != null) {
            caller = "device:" + device.deviceId();
        } else if (!isLoopback(ex.request().getConnectionMetaData().getRemoteSocketAddress())) {
            throw new ForbiddenException("staff sign in on a paired device: join this computer to the store "
                    + "(\"Join a store\" with a pairing code from the back office) and sign in there");
        }
        SessionRequest body = ex.json(SessionRequest.class); // never null: an empty or null body is a 400
        Validation v = new Validation();
        v.require(body.orgId(), "orgId");
        if (v.require(body.pin(), "pin") && !PinDigest.isWellFormed(body.pin())) {
            v.error("pin", "must be 4 to 8 digits");
        }
        v.throwIfMalformed();
        StaffSessions.Outcome outcome = sessions.signIn(new StaffSessions.SignIn(body.orgId(), body.pin(),
                body.staffId(), caller, device == null ? null : device.deviceId()));
        if (outcome instanceof StaffSessions.Outcome.Opened opened) {
            return new Reply(201, opened.session(), "application/json", Map.of("Cache-Control", "no-store"));
        }
        if (outcome instanceof StaffSessions.Outcome.Locked locked) {
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds());
            throw new TooManyRequestsException("too many wrong PINs: sign-in on " + locked.what() + " is locked for "
                    + ((seconds + 59) / 60) + " more minute(s)", Duration.ofSeconds(seconds), Map.of());
        }
        // The same answer for an unknown org and a wrong PIN: a caller learns nothing about either.
        throw new UnauthorizedException("no staff member of this org has that PIN");
    }

    /** The paired device whose credential came with the sign-in, or null when none came. */
    private Caller.Device device(Exchange ex) {
        String authorization = ex.header(Headers.AUTHORIZATION);
        if (authorization == null || !authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.strip().substring(7).strip();
        if (!token.startsWith(Devices.CREDENTIAL_PREFIX)) {
            return null;
        }
        Caller.Device device = authenticator.device(token).orElseThrow(() -> new UnauthorizedException(
                "this device credential is unknown; pair the device with the store again"));
        if (device.revokedAt().isPresent()) {
            throw new ForbiddenException(device.revocation());
        }
        return device;
    }

    private static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    private Reply changePin(Exchange ex) throws Exception {
        PinChange body = ex.json(PinChange.class);
        staff.changePin(ex.caller().orgId(), ex.caller().subject(), body.pin());
        return Reply.noContent();
    }

    private Reply changeLanguage(Exchange ex) throws Exception {
        LanguageChange body = ex.json(LanguageChange.class);
        staff.changeLanguage(ex.caller().orgId(), ex.caller().subject(), body.language());
        return Reply.noContent();
    }

    private Reply signOut(Exchange ex) {
        // The filter found the session in one of these headers, so one of them holds it.
        String header = Optional.ofNullable(ex.header(Headers.AUTHORIZATION)).filter(h -> !h.isBlank())
                .orElse(ex.header(Headers.FD_AUTHORIZATION)).strip();
        sessions.signOut(header.substring(header.indexOf(' ') + 1).strip());
        return Reply.noContent();
    }
}
