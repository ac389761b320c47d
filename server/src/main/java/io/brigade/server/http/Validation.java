package io.brigade.server.http;

import io.brigade.protocol.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a request is checked, then refuses it all at once. */
public final class Validation {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation error(String field, String detail) {
        errors.add(new Problem.FieldError(field, detail));
        return this;
    }

    public boolean require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            error(field, "is required");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws with {@code status} if any error was recorded. */
    public void throwIfAny(int status) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(status, errors);
        }
    }
}
