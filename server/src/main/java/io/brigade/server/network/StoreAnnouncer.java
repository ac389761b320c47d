package io.brigade.server.network;

import io.brigade.protocol.devices.Fingerprints;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the store server on the local network by DNS-SD over mDNS ({@value #SERVICE_TYPE}), so "Join a
 * store" on a new PC lists it without anyone typing an address. The TXT record carries the fingerprint too, but
 * anyone on the network can announce anything: the person still compares the fingerprint shown at pairing.
 */
public final class StoreAnnouncer implements AutoCloseable {
    /** The DNS-SD service type of Brigade store servers. */
    public static final String SERVICE_TYPE = "_brigade._tcp.local.";
    private static final Logger LOG = LoggerFactory.getLogger(StoreAnnouncer.class);
    private final java.util.List<JmDNS> responders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private StoreAnnouncer() {
    }

    /**
     * Announces {@code name} at {@code port} on every IPv4 interface that is up, in the background (mDNS probes
     * for a few seconds first); never fails the server: without multicast, people type the address.
     */
    public static StoreAnnouncer start(String name, int port, String fingerprint) {
        StoreAnnouncer announcer = new StoreAnnouncer();
        Thread t = new Thread(() -> announcer.announce(name, port, fingerprint), "mdns-announce");
        t.setDaemon(true);
        t.start();
        return announcer;
    }

    private void announce(String name, int port, String fingerprint) {
        for (InetAddress address : StoreAddresses.addresses()) {
            if (closed) {
                return;
            }
            try {
                JmDNS jmdns = JmDNS.create(address, name);
                jmdns.registerService(ServiceInfo.create(SERVICE_TYPE, name, port, 0, 0,
                        Map.of("fp", fingerprint, "fps", Fingerprints.display(fingerprint), "v", "1")));
                responders.add(jmdns);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot announce the store server on {} by mDNS; devices there type its address", address, e);
            }
        }
        if (!responders.isEmpty()) {
            LOG.info("store server announced by mDNS as \"{}\" ({}) on {} interface(s)", name, SERVICE_TYPE,
                    responders.size());
        }
        if (closed) {
            close();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (JmDNS jmdns : responders) {
            try {
                jmdns.unregisterAllServices();
                jmdns.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("mDNS responder did not close cleanly", e);
            }
        }
    }
}
