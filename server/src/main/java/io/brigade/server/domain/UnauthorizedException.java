package io.brigade.server.domain;

/** No credential, or one that is unknown, expired or revoked: the caller is not known. */
public non-sealed class UnauthorizedException extends DomainException {

    public UnauthorizedException(String detail) {
        super(detail);
    }
}
