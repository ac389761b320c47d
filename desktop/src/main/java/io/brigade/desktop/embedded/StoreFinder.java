package io.brigade.desktop.embedded;

import io.brigade.server.network.StoreBrowser;
import java.util.function.Consumer;

/**
 * Looks for store servers announced on the local network (mDNS), for "Join a store". What it finds is a suggestion
 * to pick from: the person still compares the fingerprint with the back office's before anything is sent.
 */
public final class StoreFinder implements AutoCloseable {
    private final StoreBrowser browser;

    /** A store server seen on the network: its name, HTTPS address and the fingerprint it claims. */
    public record Found(String name, String url, String fingerprint) {
    }

    private StoreFinder(StoreBrowser browser) {
        this.browser = browser;
    }

    /** Starts looking; {@code listener} hears each store server once, on a thread of the finder's. */
    public static StoreFinder start(Consumer<Found> listener) {
        return new StoreFinder(StoreBrowser.start(f -> listener.accept(new Found(f.name(), f.url(), f.fingerprint()))));
    }

    @Override
    public void close() {
        browser.close();
    }
}
