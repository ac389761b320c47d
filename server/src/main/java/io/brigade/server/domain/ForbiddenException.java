package io.brigade.server.domain;

/** A known caller who may not do this (their role, scope, plan or the org's settings say no). */
public non-sealed class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
