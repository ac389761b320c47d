package io.brigade.server.domain;

import io.brigade.protocol.Problem;
import java.util.List;

/**
 * Input the domain refuses for its own sake, with the offending fields when there are any. Malformed input
 * is wrong in shape (missing, unparsable, out of a fixed set) and could never be accepted as sent;
 * unprocessable input is well formed but does not fit the current state (an unknown menu item, a key reused
 * with another body).
 */
public non-sealed class InvalidInputException extends DomainException {

    /** Which of the two refusals this is. */
    public enum Kind {
        MALFORMED,
        UNPROCESSABLE
    }

    private final Kind kind;

    public InvalidInputException(Kind kind, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail, fieldErrors);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static InvalidInputException malformed(String detail) {
        return new InvalidInputException(Kind.MALFORMED, detail, List.of());
    }

    public static InvalidInputException malformed(List<Problem.FieldError> errors) {
        return new InvalidInputException(Kind.MALFORMED, describe(errors), errors);
    }

    public static InvalidInputException malformed(String field, String detail) {
        return malformed(List.of(new Problem.FieldError(field, detail)));
    }

    public static InvalidInputException unprocessable(String detail) {
        return new InvalidInputException(Kind.UNPROCESSABLE, detail, List.of());
    }

    public static InvalidInputException unprocessable(List<Problem.FieldError> errors) {
        return new InvalidInputException(Kind.UNPROCESSABLE, describe(errors), errors);
    }

    public static InvalidInputException unprocessable(String field, String detail) {
        return unprocessable(List.of(new Problem.FieldError(field, detail)));
    }
}
