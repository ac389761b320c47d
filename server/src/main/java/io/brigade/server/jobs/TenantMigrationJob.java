package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.Ids;
import io.brigade.server.db.Database;
import io.brigade.server.org.OrgRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code tenant-migration}: moves a property, its sales channels and its sales history (with their
 * idempotency keys and analytics events) to another org of the same owner ({@code orgs.owner_id}).
 * The menus the property used are copied, with every revision, into the target org and the moved rows
 * point at the copies, so each sale still resolves against its own revision; brands are matched by
 * name or copied. Everything happens in one transaction: a rerun finds the property already moved.
 */
public final class TenantMigrationJob implements JobHandler {
    private final Database database;
    private final OrgRepository orgs;
    private final TenantMigrationRepository migration;

    public TenantMigrationJob(Database database, OrgRepository orgs, TenantMigrationRepository migration) {
        this.database = database;
        this.orgs = orgs;
        this.migration = migration;
    }

    @Override
    public String type() {
        return "tenant-migration";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of("propertyId", "targetOrgId"));
        String propertyId = p.string("propertyId", true);
        String target = p.string("targetOrgId", true);
        if (propertyId != null && database.read(c -> orgs.findProperty(c, orgId, propertyId)).isEmpty()) {
            p.error("propertyId", "no property " + propertyId + " in this org");
        }
        if (target != null) {
            String owner = database.read(c -> migration.owner(c, orgId)).orElse(null);
            String targetOwner = database.read(c -> migration.owner(c, target)).orElse(null);
            if (target.equals(orgId)) {
                p.error("targetOrgId", "is this org; name another org of the same owner");
            } else if (owner == null || !owner.equals(targetOwner)) {
                // Same answer whether the org is missing or someone else's: nothing leaks about other orgs.
                p.error("targetOrgId", "is not an org of this org's owner");
            }
        }
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) {
        String source = ctx.orgId();
        String propertyId = ctx.parameters().get("propertyId").asText();
        String target = ctx.parameters().get("targetOrgId").asText();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("propertyId", propertyId);
        result.put("targetOrgId", target);
        ctx.progress(5);
        Instant now = ctx.clock().instant();
        database.inTransaction(c -> {
            String current = migration.lockPropertyOrg(c, propertyId)
                    .orElseThrow(() -> new JobFailure("property " + propertyId + " no longer exists"));
            if (current.equals(target)) {
                result.put("alreadyMoved", true);
                return null;
            }
            if (!current.equals(source)) {
                throw new JobFailure("property " + propertyId + " is no longer in this org");
            }
            String owner = migration.owner(c, source).orElse(null);
            if (owner == null || !Objects.equals(owner, migration.owner(c, target).orElse(null))) {
                throw new JobFailure("the target org no longer has the same owner");
            }
            Map<String, String> menuCopies = new HashMap<>();
            for (String menuId : migration.menusUsed(c, source, propertyId)) {
                String copy = Ids.uuid();
                migration.copyMenu(c, menuId, copy, target, now);
                menuCopies.put(menuId, copy);
            }
            for (String[] brand : migration.channelBrands(c, propertyId)) {
                String targetBrand = migration.brandNamed(c, target, brand[1]).orElse(null);
                if (targetBrand == null) {
                    targetBrand = Ids.brand();
                    migration.insertBrand(c, targetBrand, target, brand[1], now);
                }
                migration.rebrandChannels(c, propertyId, brand[0], targetBrand);
            }
            int sales = migration.moveSales(c, source, target, propertyId);
            for (Map.Entry<String, String> e : menuCopies.entrySet()) {
                migration.remapMenu(c, target, propertyId, e.getKey(), e.getValue());
            }
            migration.moveProperty(c, source, target, propertyId);
            result.put("salesMoved", sales);
            result.put("channelsMoved", migration.channels(c, propertyId).size());
            result.put("menusCopied", menuCopies.size());
            return null;
        });
        return result;
    }
}
