package io.brigade.server.http;

/**
 * A refusal about the HTTP exchange itself rather than the domain (a body past the size limit); it never
 * leaves this package.
 */
final class HttpRefusal extends RuntimeException {
    private final int status;
    private final String title;

    HttpRefusal(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
