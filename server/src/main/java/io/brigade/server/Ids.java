package io.brigade.server;

import io.brigade.server.auth.Secrets;
import java.util.UUID;

/** Identifier formats of the concept model: short prefixed ids and UUID menus (sale ids: sales/SaleIds). */
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

    /** A staff member. */
    public static String staffMember() {
        return "stf" + Secrets.crockford(12);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
