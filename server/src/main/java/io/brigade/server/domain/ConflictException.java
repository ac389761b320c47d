package io.brigade.server.domain;

import io.brigade.protocol.Problem;
import java.util.List;

/** The request is sound but clashes with the current state (a final sale, a job still running, a PIN in use). */
public non-sealed class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }

    /** A clash tied to fields of the request. */
    public ConflictException(List<Problem.FieldError> fieldErrors) {
        super(describe(fieldErrors), fieldErrors);
    }

    public ConflictException(String field, String detail) {
        this(List.of(new Problem.FieldError(field, detail)));
    }
}
