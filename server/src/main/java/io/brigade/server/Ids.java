package io.brigade.server;

import io.brigade.server.auth.Secrets;
import java.util.UUID;

/** Identifier formats of the concept model: short prefixed ids, UUID menus, Crockford sale ids. */
public final class Ids {
    private Ids() {
    }

    public static String org() {
        return "org" + Secrets.crockford(10);
    }

    public static String brand() {
        return "br" + Secrets.crockford(10);
    }

    public static String property() {
        return "p" + Secrets.crockford(10);
    }

    public static String salesChannel() {
        return "sc" + Secrets.crockford(10);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A sale id: 12 Crockford base32 characters, 60 random bits. */
    public static String sale() {
        return Secrets.crockford(12);
    }
}
