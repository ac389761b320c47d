/**
 * Who may call a route. Each route declares its {@link io.brigade.server.access.Access} rule where it is
 * registered; one filter in {@code http} authenticates the request to a {@link io.brigade.server.access.Caller},
 * checks the org in the path against the caller's reach, the rule against the caller, and the stores the request
 * names against the stores the caller is limited to. The {@code auth} feature turns credentials into callers;
 * features never check access themselves.
 */
package io.brigade.server.access;
