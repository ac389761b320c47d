package io.brigade.server.menus;

import io.brigade.protocol.Data;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuHeader;
import io.brigade.protocol.menus.MenuOverview;
import io.brigade.protocol.menus.MenuSummary;
import io.brigade.protocol.menus.Publication;
import io.brigade.protocol.menus.PublishRequest;
import io.brigade.protocol.menus.RevisionSummary;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.org.OrgRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desktop's menu editor, for managers: {@code /backoffice/v1/orgs/{orgId}/menus...}. A thin face over
 * {@link MenuService} (the same validation and the same publish path as the v3 Menu Management API, which
 * refuses staff sessions).
 */
public final class MenuBackOfficeRoutes {
    private static final String MENUS = "/backoffice/v1/orgs/{orgId}/menus";

    private final Database database;
    private final MenuRepository repository;
    private final MenuService service;
    private final OrgRepository orgs;

    public MenuBackOfficeRoutes(Database database, MenuRepository repository, MenuService service,
                                OrgRepository orgs) {
        this.database = database;
        this.repository = repository;
        this.service = service;
        this.orgs = orgs;
    }

    public void register(Router router) {
        router.get(MENUS, Access.manager(), ex -> Reply.ok(new Data<>(overview(org(ex)))))
                .get(MENUS + "/{menuId}/revisions/{revisionId}", Access.manager(), ex -> Reply.streamed(
                        service.revisionBody(org(ex), ex.path("menuId"), revisionId(ex))))
                .post(MENUS + "/{menuId}/revisions", Access.manager(), ex -> Reply.created(service.createRevision(
                        org(ex), ex.path("menuId"), ex.streamedJson(MenuContent.class, MenuRoutes.MAX_MENU_BYTES))))
                .post(MENUS + "/{menuId}/revisions/{revisionId}/publish", Access.manager(), ex -> {
                    PublishRequest body = ex.json(PublishRequest.class);
                    return Reply.ok(new Data<>(service.publish(org(ex), ex.path("menuId"), revisionId(ex),
                            body.salesChannelIds())));
                });
    }

    private MenuOverview overview(String orgId) {
        return database.read(c -> {
            Map<String, List<RevisionSummary>> revisions = new LinkedHashMap<>();
            for (MenuRepository.RevisionSummaryRow r : repository.revisionSummaries(c, orgId)) {
                revisions.computeIfAbsent(r.menuId(), k -> new ArrayList<>())
                        .add(new RevisionSummary(r.revisionId(), r.createdAt()));
            }
            Map<String, List<Publication>> publications = new LinkedHashMap<>();
            for (Publication p : repository.currentPublications(c, orgId)) {
                publications.computeIfAbsent(p.menuId(), k -> new ArrayList<>()).add(p);
            }
            List<MenuSummary> menus = new ArrayList<>();
            for (MenuHeader h : repository.headers(c, orgId)) {
                menus.add(new MenuSummary(h.menuId(), h.name(), h.currency(), h.latestRevisionId(), h.updatedAt(),
                        revisions.getOrDefault(h.menuId(), List.of()),
                        publications.getOrDefault(h.menuId(), List.of())));
            }
            return new MenuOverview(menus, orgs.channels(c, orgId));
        });
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
