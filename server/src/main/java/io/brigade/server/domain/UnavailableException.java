package io.brigade.server.domain;

/** A part of the server this needs is not running here (the job worker on a node without it). */
public non-sealed class UnavailableException extends DomainException {

    public UnavailableException(String detail) {
        super(detail);
    }
}
