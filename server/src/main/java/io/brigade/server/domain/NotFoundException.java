package io.brigade.server.domain;

/**
 * The thing a caller named does not exist, or is not theirs to see (a caller learns nothing about other
 * tenants' things, so both read the same).
 */
public non-sealed class NotFoundException extends DomainException {
    private final String what;

    /** {@code what} names the thing, such as {@code "sale 123"}. */
    public NotFoundException(String what) {
        super(what + " was not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
