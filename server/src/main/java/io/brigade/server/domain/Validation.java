package io.brigade.server.domain;

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

    /**
     * Refuses text longer than {@code max} characters, or holding a NUL character (PostgreSQL stores none): what a
     * column of that size would refuse, said before the database says it. The message never repeats the value.
     */
    public boolean text(String value, int max, String field) {
        if (value == null) {
            return true;
        }
        if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
            return false;
        }
        if (value.indexOf('\u0000') >= 0) {
            error(field, "must not contain the NUL character");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses the input as malformed if any error was recorded. */
    public void throwIfMalformed() {
        if (!errors.isEmpty()) {
            throw InvalidInputException.malformed(errors);
        }
    }

    /** Refuses the input as unprocessable if any error was recorded. */
    public void throwIfUnprocessable() {
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(errors);
        }
    }
}
