package io.brigade.protocol;

import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}).
 *
 * @param errors for validation problems, one entry per offending field path
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its path in the request (for example {@code items[0].quantity}) and why. */
    public record FieldError(String field, String detail) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
