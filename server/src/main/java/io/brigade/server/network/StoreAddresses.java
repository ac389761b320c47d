package io.brigade.server.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where devices on the store's network can reach this server. */
public final class StoreAddresses {
    private StoreAddresses() {
    }

    /** {@code https://address:port} for each IPv4 address of an interface that is up, loopback left out. */
    public static List<String> https(int port) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : addresses()) {
            out.add("https://" + a.getHostAddress() + ":" + port);
        }
        return out;
    }

    /** The IPv4 addresses of the interfaces that are up, loopback and link-local left out. */
    public static List<InetAddress> addresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress() && !a.isLoopbackAddress()) {
                        out.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: pairing then shows no address, and people type it in
        }
        return out;
    }
}
