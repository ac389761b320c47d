package io.brigade.server.staff;

import io.brigade.protocol.Data;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.SessionRequest;
import io.brigade.protocol.staff.StaffSession;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.domain.Validation;
import io.brigade.server.ratelimit.RateLimiter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Staff in the back office: {@code POST /backoffice/v1/sessions} signs a member in with the org and their PIN,
 * {@code DELETE /backoffice/v1/sessions/current} signs out, and {@code /backoffice/v1/orgs/{orgId}/staff} lists,
 * adds and removes members (managers). {@code .../staff/credentials} gives a till the PIN digests it needs to
 * sign staff in while offline; only the org's own client (a terminal) may read them.
 */
public final class StaffRoutes {
    private static final String STAFF = "/backoffice/v1/orgs/{orgId}/staff";
    private final StaffService service;
    private final RateLimiter limiter;

    public StaffRoutes(StaffService service, RateLimiter limiter) {
        this.service = service;
        this.limiter = limiter;
    }

    public void register(Router router) {
        router.open("POST", "/backoffice/v1/sessions", this::signIn)
                .route("DELETE", "/backoffice/v1/sessions/current", this::signOut)
                .route("GET", STAFF, this::list)
                .route("POST", STAFF, this::add)
                .route("GET", STAFF + "/credentials", this::credentials)
                .route("DELETE", STAFF + "/{staffId}", this::remove);
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
        Optional<StaffSession> session = service.signIn(body.orgId(), body.pin());
        if (session.isEmpty()) {
            limiter.authFailed(address);
            // The same answer for an unknown org and a wrong PIN: a caller learns nothing about either.
            throw new UnauthorizedException("no staff member of this org has that PIN");
        }
        return new Reply(201, session.get(), "application/json", Map.of("Cache-Control", "no-store"));
    }

    private Reply signOut(Exchange ex) {
        if (!ex.principal().isStaff()) {
            throw new ForbiddenException("only a staff session can be signed out");
        }
        String header = ex.header("Authorization");
        service.signOut(header.substring(header.indexOf(' ') + 1).strip());
        return Reply.noContent();
    }

    private Reply list(Exchange ex) {
        ex.principal().requireBackOffice();
        return Reply.ok(new Data<>(service.list(ex.path("orgId"))));
    }

    private Reply add(Exchange ex) throws Exception {
        ex.principal().requireBackOffice();
        return Reply.created(service.add(ex.path("orgId"), ex.json(NewStaffMember.class)));
    }

    private Reply credentials(Exchange ex) {
        ex.principal().requireOwnClient();
        return new Reply(200, new Data<>(service.credentials(ex.path("orgId"))), "application/json",
                Map.of("Cache-Control", "no-store"));
    }

    private Reply remove(Exchange ex) {
        ex.principal().requireBackOffice();
        service.remove(ex.path("orgId"), ex.path("staffId"));
        return Reply.noContent();
    }
}
