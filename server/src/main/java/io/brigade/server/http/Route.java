package io.brigade.server.http;

/** A route's logic: from a request to a reply, throwing a {@link io.brigade.server.domain.DomainException} to refuse. */
@FunctionalInterface
public interface Route {
    Reply handle(Exchange exchange) throws Exception;
}
