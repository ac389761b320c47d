package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.menus.Publication;
import io.brigade.server.db.Database;
import io.brigade.server.menus.MenuService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code product-sync-all}: republishes every menu revision that is current on some channel to those
 * channels, through {@link MenuService#publish} (the one publish path, which fires the publish events).
 * Resumable: the checkpoint lists the revisions done. A crash between a publish and its checkpoint
 * republishes that one revision again on the rerun (at least once, never skipped).
 */
public final class ProductSyncAllJob implements JobHandler {
    private final Database database;
    private final ChannelMenuRepository channelMenus;
    private final MenuService menus;

    public ProductSyncAllJob(Database database, ChannelMenuRepository channelMenus, MenuService menus) {
        this.database = database;
        this.channelMenus = channelMenus;
        this.menus = menus;
    }

    @Override
    public String type() {
        return "product-sync-all";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of());
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) {
        List<ChannelMenuRepository.CurrentRevision> current = database.read(c -> channelMenus.current(c, ctx.orgId()));
        Set<String> done = new HashSet<>();
        ArrayNode doneJson = JsonNodeFactory.instance.arrayNode();
        int publications = 0;
        if (ctx.checkpoint() != null) {
            ctx.checkpoint().path("done").forEach(n -> {
                done.add(n.asText());
                doneJson.add(n.asText());
            });
            publications = ctx.checkpoint().path("publications").asInt();
        }
        int i = 0;
        for (ChannelMenuRepository.CurrentRevision r : current) {
            i++;
            if (done.contains(r.key())) {
                continue;
            }
            List<Publication> published = menus.publish(ctx.orgId(), r.menuId(), r.revisionId(), r.salesChannelIds());
            publications += published.size();
            doneJson.add(r.key());
            ObjectNode cp = JsonNodeFactory.instance.objectNode();
            cp.set("done", doneJson.deepCopy());
            cp.put("publications", publications);
            ctx.progress(100 * i / current.size(), cp);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("revisionsRepublished", doneJson.size());
        result.put("publications", publications);
        return result;
    }
}
