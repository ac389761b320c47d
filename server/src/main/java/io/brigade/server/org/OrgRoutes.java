package io.brigade.server.org;

import static io.brigade.server.access.Scopes.ORG_READ;
import static io.brigade.server.access.Scopes.ORG_WRITE;

import io.brigade.protocol.Data;
import io.brigade.protocol.org.Brand;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.org.Vat;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The Org Management API: {@code /orgManagement/orgs/...}. A property and its VAT are changed (PUT replaces,
 * PATCH merges) by the org's owner (its own OAuth client), a manager or an app installed with org:write, not
 * with an API key.
 */
public final class OrgRoutes {
    private static final String ORG = "/orgManagement/orgs/{orgId}";

    private final Database database;
    private final OrgRepository repository;
    private final OrgService service;
    private final BiConsumer<String, String> propertyChanged;

    /** {@code propertyChanged} hears (org id, property id) once a property update has committed. */
    public OrgRoutes(Database database, OrgRepository repository, OrgService service,
                     BiConsumer<String, String> propertyChanged) {
        this.database = database;
        this.repository = repository;
        this.service = service;
        this.propertyChanged = propertyChanged;
    }

    public void register(Router router) {
        router.get("/orgManagement/orgs", Access.scope(ORG_READ), this::orgs)
                .get(ORG, Access.scope(ORG_READ), ex -> Reply.ok(new Data<>(database.read(c -> repository.findOrg(c, org(ex)))
                        .orElseThrow(() -> new NotFoundException("org " + org(ex))))))
                .get(ORG + "/brands", Access.scope(ORG_READ), ex -> Reply.ok(new Data<>(database.read(c -> repository.brands(c, org(ex))))))
                .post(ORG + "/brands", Access.scope(ORG_WRITE), ex -> Reply.created(new Data<>(service.createBrand(org(ex), ex.json(Brand.class)))))
                .get(ORG + "/properties", Access.scope(ORG_READ), ex -> Reply.ok(new Data<>(database.read(
                        c -> repository.properties(c, org(ex))).stream()
                        .filter(p -> ex.caller().seesStore(org(ex), p.propertyId())).toList())))
                .post(ORG + "/properties", Access.scope(ORG_WRITE),
                        ex -> Reply.created(new Data<>(service.createProperty(org(ex), ex.json(Property.class)))))
                .get(ORG + "/properties/{propertyId}", Access.scope(ORG_READ), ex -> Reply.ok(new Data<>(property(ex))))
                .put(ORG + "/properties/{propertyId}", Access.ownerOrManager(ORG_WRITE), ex -> updateProperty(ex, OrgService.Update.REPLACE))
                .patch(ORG + "/properties/{propertyId}", Access.ownerOrManager(ORG_WRITE), ex -> updateProperty(ex, OrgService.Update.MERGE))
                .get(ORG + "/properties/{propertyId}/vat", Access.scope(ORG_READ), ex -> Reply.ok(new Data<>(property(ex).vat())))
                .put(ORG + "/properties/{propertyId}/vat", Access.ownerOrManager(ORG_WRITE), ex -> updateVat(ex, OrgService.Update.REPLACE))
                .patch(ORG + "/properties/{propertyId}/vat", Access.ownerOrManager(ORG_WRITE), ex -> updateVat(ex, OrgService.Update.MERGE))
                .get(ORG + "/properties/{propertyId}/salesChannels", Access.scope(ORG_READ), this::channels)
                .post(ORG + "/properties/{propertyId}/salesChannels", Access.scope(ORG_WRITE), ex -> Reply.created(new Data<>(
                        service.createChannel(org(ex), ex.path("propertyId"), ex.json(SalesChannel.class)))));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }

    private Reply orgs(Exchange ex) {
        // An installed app reaches its owner org and every org that has it installed.
        List<String> orgIds = ex.caller().reachableOrgIds();
        return Reply.ok(new Data<>(database.read(c -> {
            List<io.brigade.protocol.org.Org> found = new java.util.ArrayList<>();
            for (String orgId : orgIds) {
                repository.findOrg(c, orgId).ifPresent(found::add);
            }
            return found;
        })));
    }

    private Reply updateProperty(Exchange ex, OrgService.Update how) throws Exception {
        Property changed = service.updateProperty(org(ex), ex.path("propertyId"), ex.json(Property.class), how);
        propertyChanged.accept(org(ex), changed.propertyId());
        return Reply.ok(new Data<>(changed));
    }

    private Reply updateVat(Exchange ex, OrgService.Update how) throws Exception {
        Vat changed = service.updateVat(org(ex), ex.path("propertyId"), ex.json(Vat.class), how);
        propertyChanged.accept(org(ex), ex.path("propertyId"));
        return Reply.ok(new Data<>(changed));
    }

    private Property property(Exchange ex) {
        String propertyId = ex.path("propertyId");
        return database.read(c -> repository.findProperty(c, org(ex), propertyId))
                .orElseThrow(() -> new NotFoundException("property " + propertyId));
    }

    private Reply channels(Exchange ex) {
        property(ex);
        List<SalesChannel> channels = database.read(c -> repository.channels(c, org(ex), ex.path("propertyId")));
        return Reply.ok(new Data<>(channels));
    }
}
