package io.brigade.protocol;

/** Header names of the public contract, spelled as the specification spells them. */
public final class Headers {
    public static final String IDEMPOTENCY_KEY = "x-idempotency-key";
    public static final String FD_AUTHORIZATION = "FD-Authorization";
    public static final String AUTHORIZATION = "Authorization";
    public static final String API_KEY = "X-API-Key";

    private Headers() {
    }
}
