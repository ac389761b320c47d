package io.brigade.server.auth;

import io.brigade.protocol.Headers;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.SessionRequest;
import io.brigade.protocol.staff.StaffSession;
import io.brigade.server.access.Access;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.domain.Validation;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.ratelimit.RateLimiter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /backoffice/v1/sessions} signs a staff member in with the org and their PIN;
 * {@code DELETE /backoffice/v1/sessions/current} signs the caller's session out.
 */
public final class SessionRoutes {
    private final StaffSessions sessions;
    private final RateLimiter limiter;

    public SessionRoutes(StaffSessions sessions, RateLimiter limiter) {
        this.sessions = sessions;
        this.limiter = limiter;
    }

    public void register(Router router) {
        router.post("/backoffice/v1/sessions", Access.open(), this::signIn)
                .delete("/backoffice/v1/sessions/current", Access.staffSession(), this::signOut);
    }

    private Reply signIn(Exchange ex) throws Exception {
        // A PIN has few digits: failed attempts count against the caller's address like failed keys do.
        String address = Request.getRemoteAddr(ex.request());
        limiter.checkAuthAllowed(address);
        SessionRequest body = ex.json(SessionRequest.class); // never null: an empty or null body is a 400
        Validation v = new Validation();
        v.require(body.orgId(), "orgId");
        if (v.require(body.pin(), "pin") && !PinDigest.isWellFormed(body.pin())) {
            v.error("pin", "must be 4 to 8 digits");
        }
        v.throwIfMalformed();
        Optional<StaffSession> session = sessions.signIn(body.orgId(), body.pin());
        if (session.isEmpty()) {
            limiter.authFailed(address);
            // The same answer for an unknown org and a wrong PIN: a caller learns nothing about either.
            throw new UnauthorizedException("no staff member of this org has that PIN");
        }
        return new Reply(201, session.get(), "application/json", Map.of("Cache-Control", "no-store"));
    }

    private Reply signOut(Exchange ex) {
        // The filter found the session in one of these headers, so one of them holds it.
        String header = Optional.ofNullable(ex.header(Headers.AUTHORIZATION)).filter(h -> !h.isBlank())
                .orElse(ex.header(Headers.FD_AUTHORIZATION)).strip();
        sessions.signOut(header.substring(header.indexOf(' ') + 1).strip());
        return Reply.noContent();
    }
}
