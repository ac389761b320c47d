package io.brigade.server.http;

import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import org.eclipse.jetty.server.Request;

/** Finds the caller of a request from the credential a route's rule names; the auth feature implements it. */
@FunctionalInterface
public interface CallerAuthenticator {

    /**
     * The caller whose credential the request carries where {@code credential} says (never {@link
     * Access.Credential#NONE}); throws {@link io.brigade.server.domain.UnauthorizedException} when it carries none
     * or an unknown one, or another domain refusal (a spent quota, a plan below the API's).
     */
    Caller authenticate(Request request, Access.Credential credential);
}
