package io.brigade.server.network;

/**
 * Where and how the server's main connector listens. {@code host} null means every interface; with {@code tls}
 * the port speaks HTTPS and, for callers on this machine only, plain HTTP too (the first bytes tell them apart).
 * Plain HTTP from any other address is always refused with a pointer to HTTPS ({@link PlainHttpGuard}).
 */
public record Listening(String host, TlsMaterial tls, boolean announce) {

    public Listening(String host, TlsMaterial tls) {
        this(host, tls, false);
    }

    /** The same, announced by mDNS to devices looking for a store to join ({@link StoreAnnouncer}). */
    public Listening announced() {
        return new Listening(host, tls, true);
    }

    /** Every interface, plain HTTP answered on loopback only: tests and benchmarks on one machine. */
    public static Listening anyAddress() {
        return new Listening(null, null);
    }

    /** This machine only, plain HTTP: the built-in server of a desktop before it serves the store. */
    public static Listening loopbackOnly() {
        return new Listening("127.0.0.1", null);
    }

    /** Every interface with HTTPS (plain HTTP from this machine only): a store server. */
    public static Listening https(TlsMaterial tls) {
        return new Listening(null, java.util.Objects.requireNonNull(tls, "tls == null"));
    }
}
