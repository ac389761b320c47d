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
 * a loopback, private, link-local, CGNAT, metadata, multicast or reserved address; an IPv6 address that
 * carries an IPv4 one (mapped, compatible, translated, NAT64, 6to4, Teredo) is judged by the IPv4 address. Checked when a subscription is saved and again at every send, where
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
            int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private) address";
            }
            if ((w0 & 0xffc0) == 0xfec0) {
                return "a site-local address";
            }
            if (w0 == 0x0064 && w1 == 0xff9b && w2 == 0x0001) {
                return "a local-use NAT64 address (64:ff9b:1::/48)";
            }
            // Every form that carries an IPv4 address is as public as the address it carries.
            for (Embedded e : embedded(b)) {
                String why = forbidden(e.address());
                if (why != null) {
                    return e.form() + " that embeds " + e.address().getHostAddress() + ", " + why;
                }
            }
            return null;
        }
        return "an unknown kind of address";
    }

    /** An IPv4 address carried inside an IPv6 one, and the form that carries it. */
    record Embedded(String form, Inet4Address address) {
    }

    /**
     * The IPv4 addresses an IPv6 address carries: IPv4-compatible {@code ::a.b.c.d}, IPv4-mapped
     * {@code ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d},
     * 6to4 {@code 2002:AABB:CCDD::} and Teredo {@code 2001:0:server::~client} (both ends).
     */
    static List<Embedded> embedded(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean zero8 = true;
        for (int i = 0; i < 8; i++) {
            zero8 &= b[i] == 0;
        }
        int w4 = ((b[8] & 0xff) << 8) | (b[9] & 0xff);
        int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
        if (zero8 && w4 == 0 && w5 == 0) {
            return List.of(new Embedded("an IPv4-compatible IPv6 address", v4(b, 12, false)));
        }
        if (zero8 && w4 == 0 && w5 == 0xffff) {
            return List.of(new Embedded("an IPv4-mapped IPv6 address", v4(b, 12, false)));
        }
        if (zero8 && w4 == 0xffff && w5 == 0) {
            return List.of(new Embedded("an IPv4-translated IPv6 address", v4(b, 12, false)));
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return List.of(new Embedded("a NAT64 address", v4(b, 12, false)));
        }
        if (w0 == 0x2002) {
            return List.of(new Embedded("a 6to4 address", v4(b, 2, false)));
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            // RFC 4380: the server's address in bits 32-63, the client's inverted in the last 32 bits.
            return List.of(new Embedded("a Teredo address", v4(b, 4, false)),
                    new Embedded("a Teredo address", v4(b, 12, true)));
        }
        return List.of();
    }

    private static Inet4Address v4(byte[] b, int from, boolean inverted) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            four[i] = (byte) (inverted ? ~b[from + i] : b[from + i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }
}
