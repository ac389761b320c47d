package io.brigade.server.http;

import io.brigade.protocol.Problem;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.RetryLater;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.domain.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a refusal becomes an RFC 9457 problem: its status, title, detail, field errors and the
 * headers that go with it. Domain code says what went wrong; only this class knows the status codes.
 */
public final class Problems {

    /** A problem body and the response headers it needs (Retry-After for a retry later, the quota for a 429). */
    public record Answer(Problem problem, Map<String, String> headers) {
        public int status() {
            return problem.status();
        }
    }

    private Problems() {
    }

    /** The problem for {@code e}; {@code instance} is the request path, or null outside a request. */
    public static Answer of(DomainException e, String instance) {
        int status = status(e);
        Map<String, String> headers = new LinkedHashMap<>();
        if (e instanceof RetryLater later) {
            headers.put("Retry-After", Long.toString(later.retryAfter().toSeconds()));
        }
        if (e instanceof TooManyRequestsException tooMany) {
            headers.putAll(tooMany.quota());
        }
        Problem problem = new Problem("about:blank", title(status), status, e.getMessage(), instance,
                e.fieldErrors().isEmpty() ? null : e.fieldErrors());
        return new Answer(problem, headers);
    }

    static Answer of(HttpRefusal e, String instance) {
        return new Answer(new Problem("about:blank", e.title(), e.status(), e.getMessage(), instance, null),
                Map.of());
    }

    private static int status(DomainException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.kind() == InvalidInputException.Kind.MALFORMED ? 400 : 422;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof UnauthorizedException) {
            return 401;
        }
        if (e instanceof TooManyRequestsException) {
            return 429;
        }
        if (e instanceof UnavailableException) {
            return 503;
        }
        throw new IllegalArgumentException("no status for " + e.getClass().getName());
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
