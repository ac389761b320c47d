package io.brigade.server.domain;

import io.brigade.protocol.Problem;
import java.util.List;

/**
 * A refusal in the domain's words; its message is the detail a caller reads. Subclasses say what went wrong
 * (not found, invalid, conflict, ...); the set is closed so that every refusal has its problem in
 * {@code http.Problems}, and features subclass those kinds ({@code SaleNotFoundException}).
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, InvalidInputException, ConflictException, ForbiddenException,
        UnauthorizedException, TooManyRequestsException, UnavailableException {
    private final List<Problem.FieldError> fieldErrors;

    protected DomainException(String detail) {
        this(detail, List.of());
    }

    protected DomainException(String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** The offending fields (paths in the request such as {@code items[0].quantity}), empty when none. */
    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** "field: why" for one error, a count for several. */
    static String describe(List<Problem.FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors";
    }
}
