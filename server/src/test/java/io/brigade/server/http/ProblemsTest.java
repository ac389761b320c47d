package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brigade.protocol.Problem;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.domain.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemsTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new NotFoundException("sale 1"), 404, "Not Found"),
                Arguments.of(InvalidInputException.malformed("request body is required"), 400, "Bad Request"),
                Arguments.of(InvalidInputException.unprocessable("key reused"), 422, "Unprocessable Content"),
                Arguments.of(new ConflictException("final"), 409, "Conflict"),
                Arguments.of(new ForbiddenException("no"), 403, "Forbidden"),
                Arguments.of(new UnauthorizedException("who"), 401, "Unauthorized"),
                Arguments.of(new TooManyRequestsException("slow down", Duration.ofSeconds(3), Map.of()), 429,
                        "Too Many Requests"),
                Arguments.of(new UnavailableException("not here"), 503, "Service Unavailable"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachKindOfRefusalHasItsStatusAndTitle(DomainException refusal, int status, String title) {
        Problem problem = Problems.of(refusal, "/x").problem();
        assertEquals(status, problem.status());
        assertEquals(title, problem.title());
        assertEquals(refusal.getMessage(), problem.detail());
        assertEquals("/x", problem.instance());
    }

    @Test
    void fieldErrorsReachTheProblem() {
        Problem problem = Problems.of(InvalidInputException.unprocessable("items[0].quantity", "must be positive"),
                null).problem();
        assertEquals(List.of(new Problem.FieldError("items[0].quantity", "must be positive")), problem.errors());
        assertEquals("items[0].quantity: must be positive", problem.detail());
    }

    @Test
    void aRefusalWithoutFieldsHasNoErrorsMember() {
        assertNull(Problems.of(new ConflictException("final"), null).problem().errors());
    }

    @Test
    void aSpentQuotaSendsRetryAfterWithTheQuotaHeaders() {
        Map<String, String> headers = Problems.of(new TooManyRequestsException("spent", Duration.ofSeconds(42),
                Map.of("RateLimit-Policy", "\"orders\";q=100;w=3600")), null).headers();
        assertEquals("42", headers.get("Retry-After"));
        assertEquals("\"orders\";q=100;w=3600", headers.get("RateLimit-Policy"));
    }

    @Test
    void aConflictNamingAFieldKeepsItsStatus() {
        Problem problem = Problems.of(new ConflictException("pin", "already used"), null).problem();
        assertEquals(409, problem.status());
        assertEquals("pin", problem.errors().get(0).field());
    }
}
