package io.brigade.desktop.client;

import io.brigade.protocol.Problem;
import java.io.IOException;
import java.util.List;

/** The server refused a back-office call; the message is the problem's detail, fit to show a manager. */
public final class BackOfficeException extends IOException {
    private final int status;
    private final List<Problem.FieldError> errors;

    public BackOfficeException(int status, String message) {
        this(status, message, List.of());
    }

    public BackOfficeException(int status, String message, List<Problem.FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status, e.g. 403 for a tier gate or a role that may not do this. */
    public int status() {
        return status;
    }

    /** For a validation refusal, one entry per offending field path, e.g. {@code categories[0].items[2].price}. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
