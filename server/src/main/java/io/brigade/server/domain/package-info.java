/**
 * What can go wrong in the domain, said in the domain's words: a thing not found, input that is malformed or
 * cannot be processed, a conflict with the current state, a caller not allowed or not known, a quota spent, a
 * part of the server not running. Services, repositories, guards and jobs throw these; the {@code http}
 * package maps them to RFC 9457 problems in one place. Nothing here knows about HTTP status codes.
 */
package io.brigade.server.domain;
