package io.brigade.server.access;

import java.util.List;

/**
 * The scopes an App Store app's permission level can name; each v3 route names the one it needs in its
 * {@link Access#scope} rule. The org's own OAuth client and API keys hold them all; only installed apps are checked.
 */
public final class Scopes {
    public static final String ORG_READ = "org:read";
    public static final String ORG_WRITE = "org:write";
    public static final String MENUS_READ = "menus:read";
    public static final String MENUS_WRITE = "menus:write";
    public static final String SALES_READ = "sales:read";
    public static final String SALES_WRITE = "sales:write";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String OPERATIONS_WRITE = "operations:write";
    public static final String ANALYTICS_WRITE = "analytics:write";

    public static final List<String> ALL = List.of(ORG_READ, ORG_WRITE, MENUS_READ, MENUS_WRITE, SALES_READ,
            SALES_WRITE, WEBHOOKS_MANAGE, OPERATIONS_WRITE, ANALYTICS_WRITE);

    private Scopes() {
    }
}
