package io.brigade.server.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.server.auth.AppGrant;
import io.brigade.server.auth.Principal;
import io.brigade.server.auth.Scopes;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces an installed app's install on every request its token makes: only v3 routes, only with the
 * scope the route needs ({@link Scopes#forRoute}), only while installed (403 after an uninstall), and on an
 * install limited to some stores only those stores' properties, channels and sales (others answer 404, as
 * another org's would). The org's own client and API keys are not apps and pass untouched.
 */
final class AppAccessGuard implements Router.RouteGuard {
    private final Database database;
    private final AppRepository repository;

    AppAccessGuard(Database database, AppRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    @Override
    public void check(Exchange ex, String method, String template) {
        Principal principal = ex.principal();
        AppGrant grant = principal.app();
        if (grant == null) {
            return;
        }
        String scope = Scopes.forRoute(method, template);
        if (scope == null) {
            throw new ForbiddenException("an app's token may call only the v3 API; this route is for the org's own "
                    + "staff and credentials");
        }
        if (!template.contains("{orgId}")) {
            return; // GET /orgManagement/orgs lists only the orgs the app reaches
        }
        String orgId = ex.path("orgId");
        AppGrant.OrgAccess access = grant.access(orgId).orElseThrow(() -> new NotFoundException("org " + orgId));
        if (!access.installed()) {
            throw new ForbiddenException("the app " + grant.clientId() + " was uninstalled from org " + orgId
                    + "; it has no access there any more");
        }
        if (!access.scopes().contains(scope)) {
            throw new ForbiddenException("this route needs the scope '" + scope + "'; the app's permission level "
                    + "grants " + access.scopes().stream().sorted().toList());
        }
        if (!access.allStores()) {
            checkStores(ex, method, template, orgId, access.propertyIds());
        }
    }

    private void checkStores(Exchange ex, String method, String template, String orgId, Set<String> stores) {
        if (template.startsWith("/analytics/")) {
            // A batch of client events names properties and channels freely; not sorted per store yet.
            throw new ForbiddenException("an install limited to some stores cannot send analytics events");
        }
        if (template.contains("{propertyId}") && !stores.contains(ex.path("propertyId"))) {
            throw new NotFoundException("property " + ex.path("propertyId"));
        }
        if (template.contains("{salesChannelId}")) {
            String channel = ex.path("salesChannelId");
            if (!inStores(channelProperty(orgId, channel), stores)) {
                throw new NotFoundException("sales channel " + channel);
            }
        }
        if (template.contains("{saleId}")) {
            String saleId = ex.path("saleId");
            Optional<String> property = database.read(c -> repository.propertyOfSale(c, orgId, saleId));
            if (!inStores(property, stores)) {
                throw new NotFoundException("sale " + saleId);
            }
        }
        if ("POST".equals(method)) {
            checkBodyChannels(ex, template, orgId, stores);
        }
    }

    // A channel named in a body (a pushed sale, a publication) must be one of the install's stores too.
    private void checkBodyChannels(Exchange ex, String template, String orgId, Set<String> stores) {
        boolean sale = template.endsWith("/sales");
        boolean publish = template.endsWith("/publish");
        if (!sale && !publish) {
            return;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(ex.body());
        } catch (IOException e) {
            return; // the route itself answers the syntax error
        }
        if (body == null) {
            return;
        }
        Map<String, String> named = new LinkedHashMap<>(); // field path -> channel id
        if (sale && body.path("salesChannelId").isTextual()) {
            named.put("salesChannelId", body.get("salesChannelId").asText());
        }
        if (publish && body.path("salesChannelIds").isArray()) {
            for (int i = 0; i < body.get("salesChannelIds").size(); i++) {
                JsonNode id = body.get("salesChannelIds").get(i);
                if (id.isTextual()) {
                    named.put("salesChannelIds[" + i + "]", id.asText());
                }
            }
        }
        if (named.isEmpty()) {
            return;
        }
        // One read for all named channels rather than one per channel.
        List<Problem.FieldError> errors = database.read(c -> {
            List<Problem.FieldError> found = new ArrayList<>();
            for (Map.Entry<String, String> e : named.entrySet()) {
                Optional<String> property = repository.propertyOfChannel(c, orgId, e.getValue());
                if (property.isPresent() && !stores.contains(property.get())) {
                    found.add(new Problem.FieldError(e.getKey(), "sales channel " + e.getValue()
                            + " is not in a store this app is installed on"));
                }
            }
            return found;
        });
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(errors);
        }
    }

    private Optional<String> channelProperty(String orgId, String channel) {
        return database.read(c -> repository.propertyOfChannel(c, orgId, channel));
    }

    // Unknown ids are left to the route (it answers 404 for them as for anyone).
    private static boolean inStores(Optional<String> property, Set<String> stores) {
        return property.isEmpty() || stores.contains(property.get());
    }
}
