package io.brigade.server.menus;

import io.brigade.protocol.Data;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.PublishRequest;
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
        router.route("POST", MENUS, ex -> Reply.created(service.createMenu(org(ex), ex.json(MenuContent.class))))
                .route("GET", MENUS + "/headers", ex -> Reply.ok(new Data<>(headers(ex))))
                .route("GET", MENUS + "/published", ex -> Reply.ok(new Data<>(headers(ex).stream()
                        .filter(h -> h.publishedRevisionId() != null).toList())))
                .route("GET", MENUS + "/{menuId}/current",
                        ex -> Reply.ok(new Data<>(service.current(org(ex), ex.path("menuId")))))
                .route("POST", MENUS + "/{menuId}/revisions", ex -> Reply.created(service.createRevision(org(ex),
                        ex.path("menuId"), ex.body().length == 0 ? null : ex.json(MenuContent.class))))
                .route("GET", MENUS + "/{menuId}/revisions/{revisionId}", ex -> Reply.ok(new Data<>(database.read(
                        c -> service.revision(c, org(ex), ex.path("menuId"), revisionId(ex))))))
                .route("POST", MENUS + "/{menuId}/revisions/{revisionId}/publish", ex -> {
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
