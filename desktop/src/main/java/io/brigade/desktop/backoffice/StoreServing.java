package io.brigade.desktop.backoffice;

import java.util.List;

/**
 * "This PC serves the store": whether this PC's built-in server is open to the store's network, and the switch that
 * opens it. A PC that joined a store served elsewhere has no switch ({@link #available()} false).
 */
public interface StoreServing {
    /** True on a PC with a built-in server (the store's first PC). */
    boolean available();

    /** The HTTPS addresses devices reach this PC at; empty while it answers on this PC only. */
    List<String> addresses();

    /** Opens the built-in server to the network over HTTPS and remembers it; answers the addresses. Blocks. */
    List<String> serve() throws Exception;

    /** Switches serving off from the next start (devices keep the connection they have until then). */
    void stopAtNextStart() throws Exception;

    /** None: a PC that joined a store, or a terminal of a server elsewhere. */
    static StoreServing none() {
        return new StoreServing() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public List<String> addresses() {
                return List.of();
            }

            @Override
            public List<String> serve() {
                throw new IllegalStateException("this PC has no built-in server");
            }

            @Override
            public void stopAtNextStart() {
                throw new IllegalStateException("this PC has no built-in server");
            }
        };
    }
}
