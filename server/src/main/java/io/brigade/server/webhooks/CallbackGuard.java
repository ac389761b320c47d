package io.brigade.server.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhook callbacks off the server's own network (SSRF): https only, and no host that resolves to
 * a loopback, private, link-local, CGNAT, metadata, multicast or reserved address, nor to an IPv6
 * address that embeds an IPv4 one. Checked when a subscription is saved and again at every send, where
 * {@link #lookup} is the HTTP client's DNS, so the connection goes to the addresses just checked.
 * {@code allowPrivate} (the {@code --allow-private-callbacks} development flag) lifts both rules.
 */
public final class CallbackGuard {
    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Name resolution; the system's, except in tests that play a rebinding DNS server. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public CallbackGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    CallbackGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why {@code url} may not be used, or null when it may. Resolves the host name. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            return "must be an absolute URL with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry user information";
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return "must use https";
        }
        try {
            lookup(uri.getHost());
            return null;
        } catch (UnknownHostException e) {
            return e.getMessage();
        }
    }

    /** The host's addresses when every one of them is public; otherwise refuses. */
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all;
        try {
            all = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("host " + host + " cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress a : all) {
                String why = forbidden(a);
                if (why != null) {
                    throw new UnknownHostException("host " + host + " resolves to " + a.getHostAddress()
                            + ", " + why + "; callbacks must reach a public address");
                }
            }
        }
        return Arrays.asList(all);
    }

    /** Why an address is not public, or null. */
    static String forbidden(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isLinkLocalAddress()) {
            return a.getHostAddress().equals("169.254.169.254") ? "the cloud metadata address" : "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            if (o0 == 0) {
                return "a 'this network' address";
            }
            if (o0 == 100 && (o1 & 0xc0) == 64) {
                return "a carrier-grade NAT address";
            }
            if (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) {
                return "an IETF protocol address";
            }
            if (o0 == 198 && (o1 == 18 || o1 == 19)) {
                return "a benchmarking address";
            }
            if (o0 >= 240) {
                return "a reserved address";
            }
            return null;
        }
        if (a instanceof Inet6Address) {
            int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private) address";
            }
            if ((w0 & 0xffc0) == 0xfec0) {
                return "a site-local address";
            }
            boolean firstTenZero = true;
            for (int i = 0; i < 10; i++) {
                firstTenZero &= b[i] == 0;
            }
            if (firstTenZero) {
                // ::/96 (IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped, when not already turned into IPv4).
                return "an IPv6 address that embeds an IPv4 address";
            }
            if (w0 == 0x0064 && w1 == 0xff9b) {
                return "a NAT64 address that embeds an IPv4 address";
            }
            if (w0 == 0x2002) {
                return "a 6to4 address that embeds an IPv4 address";
            }
            if (w0 == 0x2001 && w1 == 0x0000) {
                return "a Teredo address that embeds an IPv4 address";
            }
            return null;
        }
        return "an unknown kind of address";
    }
}
