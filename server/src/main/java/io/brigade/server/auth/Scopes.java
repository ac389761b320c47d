package io.brigade.server.auth;

import java.util.List;

/**
 * The scopes an App Store app's permission level can name, and which scope each v3 route needs. The
 * org's own OAuth client and API keys hold them all; only installed apps are checked.
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

    /**
     * The scope a route needs, from its face (path prefix) and method: reads need {@code :read}, anything
     * else {@code :write}. Null for routes outside the v3 surface (back office, /api/v1), which apps may not call.
     */
    public static String forRoute(String method, String template) {
        boolean read = "GET".equals(method);
        if (template.startsWith("/orgManagement/")) {
            return read ? ORG_READ : ORG_WRITE;
        }
        if (template.startsWith("/menuManagement/")) {
            return read ? MENUS_READ : MENUS_WRITE;
        }
        if (template.startsWith("/salesManagement/") || template.startsWith("/sales/")) {
            return read ? SALES_READ : SALES_WRITE;
        }
        if (template.startsWith("/webhooks/")) {
            return WEBHOOKS_MANAGE;
        }
        if (template.startsWith("/operations-updates/")) {
            return OPERATIONS_WRITE;
        }
        if (template.startsWith("/analytics/")) {
            return ANALYTICS_WRITE;
        }
        return null;
    }
}
