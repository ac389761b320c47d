package io.brigade.desktop.menu;

import io.brigade.protocol.Problem;
import java.io.IOException;
import java.util.List;

/** The server refused a menu call: its status, the problem's detail and, for validation, each field's error. */
public final class MenuRefusal extends IOException {
    private final int status;
    private final List<Problem.FieldError> errors;

    public MenuRefusal(int status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** One entry per offending field path, e.g. {@code categories[0].items[2].ingredientCost}. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
