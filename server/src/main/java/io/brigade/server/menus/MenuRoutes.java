package io.brigade.server.menus;

import static io.brigade.protocol.devices.DeviceRole.KITCHEN_SCREEN;
import static io.brigade.protocol.devices.DeviceRole.TILL;
import static io.brigade.server.access.Scopes.MENUS_READ;
import static io.brigade.server.access.Scopes.MENUS_WRITE;

import io.brigade.protocol.Data;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.PublishRequest;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.List;

/** The Menu Management API: {@code /menuManagement/orgs/{orgId}/menus/...}. */
public final class MenuRoutes {
    private static final String MENUS = "/menuManagement/orgs/{orgId}/menus";

    private final Database database;
    private final MenuRepository repository;
    private final MenuService service;

    public MenuRoutes(Database database, MenuRepository repository, MenuService service) {
        this.database = database;
        this.repository = repository;
        this.service = service;
    }

    public void register(Router router) {
        router.post(MENUS, Access.scope(MENUS_WRITE), ex -> Reply.created(service.createMenu(org(ex), ex.json(MenuContent.class))))
                .get(MENUS + "/headers", Access.scope(MENUS_READ), ex -> Reply.ok(new Data<>(headers(ex))))
                .get(MENUS + "/published", Access.scope(MENUS_READ).orDevices(TILL, KITCHEN_SCREEN), ex -> Reply.ok(new Data<>(headers(ex).stream()
                        .filter(h -> h.publishedRevisionId() != null).toList())))
                .get(MENUS + "/{menuId}/current", Access.scope(MENUS_READ),
                        ex -> Reply.ok(new Data<>(service.current(org(ex), ex.path("menuId")))))
                .post(MENUS + "/{menuId}/revisions", Access.scope(MENUS_WRITE), ex -> Reply.created(service.createRevision(org(ex),
                        ex.path("menuId"), ex.body().length == 0 ? null : ex.json(MenuContent.class))))
                .get(MENUS + "/{menuId}/revisions/{revisionId}", Access.scope(MENUS_READ).orDevices(TILL, KITCHEN_SCREEN), ex -> Reply.ok(new Data<>(database.read(
                        c -> service.revision(c, org(ex), ex.path("menuId"), revisionId(ex))))))
                .post(MENUS + "/{menuId}/revisions/{revisionId}/publish",
                        Access.scope(MENUS_WRITE).channelsInBody("salesChannelIds"), ex -> {
                    PublishRequest body = ex.json(PublishRequest.class);
                    return Reply.ok(new Data<>(service.publish(org(ex), ex.path("menuId"), revisionId(ex),
                            body.salesChannelIds())));
                });
    }

    private List<MenuHeader> headers(Exchange ex) {
        return database.read(c -> repository.headers(c, org(ex)));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }

    private static long revisionId(Exchange ex) {
        try {
            return Long.parseLong(ex.path("revisionId"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("revision " + ex.path("revisionId"));
        }
    }
}
