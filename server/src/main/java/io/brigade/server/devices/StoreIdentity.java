package io.brigade.server.devices;

import java.util.List;
import java.util.Optional;

/** What a new device is told about the store server it pairs with: its name, HTTPS addresses and fingerprint. */
public interface StoreIdentity {
    /** The store server's name (its computer's name). */
    String name();

    /** The pinned anchor's SHA-256 (hex), once the server serves HTTPS; empty while it listens on loopback only. */
    Optional<String> fingerprint();

    /** {@code https://address:port} where devices reach the server, best first. */
    List<String> addresses();
}
