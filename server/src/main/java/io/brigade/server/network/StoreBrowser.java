package io.brigade.server.network;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds store servers announced on the local network ({@link StoreAnnouncer}) and reports each one as it is
 * resolved: its name, HTTPS address and the fingerprint it claims (to be compared by a person, never trusted).
 */
public final class StoreBrowser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBrowser.class);
    private final List<JmDNS> browsers = new ArrayList<>();
    private final Map<String, Found> found = new ConcurrentHashMap<>();
    private final java.util.Set<String> askedAgain = ConcurrentHashMap.newKeySet();

    /** A store server seen on the network. */
    public record Found(String name, String url, String fingerprint) {
    }

    /** Starts browsing on every IPv4 interface that is up; {@code listener} hears each server once. */
    public static StoreBrowser start(Consumer<Found> listener) {
        StoreBrowser browser = new StoreBrowser();
        for (InetAddress address : StoreAddresses.addresses()) {
            try {
                JmDNS jmdns = JmDNS.create(address);
                jmdns.addServiceListener(StoreAnnouncer.SERVICE_TYPE, new ServiceListener() {
                    @Override
                    public void serviceAdded(ServiceEvent event) {
                        event.getDNS().requestServiceInfo(event.getType(), event.getName(), 2_000);
                    }

                    @Override
                    public void serviceRemoved(ServiceEvent event) {
                        // a store server that went away stays listed until the person picks another
                    }

                    @Override
                    public void serviceResolved(ServiceEvent event) {
                        if (event.getInfo().getPropertyString("fp") == null) {
                            // resolved before its TXT record arrived: ask once more
                            if (browser.askedAgain.add(event.getName())) {
                                event.getDNS().requestServiceInfo(event.getType(), event.getName(), 2_000);
                            }
                            return;
                        }
                        browser.resolved(event.getInfo(), listener);
                    }
                });
                browser.browsers.add(jmdns);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot look for store servers by mDNS on {}", address, e);
            }
        }
        return browser;
    }

    private void resolved(ServiceInfo info, Consumer<Found> listener) {
        String[] hosts = info.getHostAddresses();
        if (hosts.length == 0) {
            return;
        }
        String host = hosts[0].contains(":") ? "[" + hosts[0] + "]" : hosts[0];
        Found f = new Found(info.getName(), "https://" + host + ":" + info.getPort(), info.getPropertyString("fp"));
        if (found.putIfAbsent(f.url(), f) == null) {
            listener.accept(f);
        }
    }

    /** Every store server seen so far. */
    public List<Found> found() {
        return List.copyOf(found.values());
    }

    @Override
    public void close() {
        for (JmDNS jmdns : browsers) {
            try {
                jmdns.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("mDNS browser did not close cleanly", e);
            }
        }
    }
}
