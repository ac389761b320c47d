package io.brigade.server.apps;

import io.brigade.protocol.Data;
import io.brigade.protocol.apps.AppWire.InstallRequest;
import io.brigade.protocol.apps.AppWire.OAuthAppRequest;
import io.brigade.protocol.apps.AppWire.StoreAppRequest;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Route;
import io.brigade.server.http.Router;

/**
 * Back-office routes of the apps feature, all for the org's own manager credential ({@code requireBackOffice}):
 * a developer org's OAuth apps and App Store apps, an operator's review queue, and the installing org's App
 * Store and installs.
 */
final class AppRoutes {
    private static final String ORG = "/backoffice/v1/orgs/{orgId}";
    private static final String OAUTH = ORG + "/oauth-apps";
    private static final String LISTINGS = ORG + "/app-store-apps";
    private static final String REVIEWS = ORG + "/app-reviews";
    private static final String STORE = ORG + "/app-store";
    private static final String INSTALLS = ORG + "/installed-apps";

    private final OAuthAppService oauthApps;
    private final AppStoreService store;
    private final InstallService installs;

    AppRoutes(OAuthAppService oauthApps, AppStoreService store, InstallService installs) {
        this.oauthApps = oauthApps;
        this.store = store;
        this.installs = installs;
    }

    void register(Router router) {
        router.route("POST", OAUTH, manager(ex -> Reply.created(new Data<>(
                        oauthApps.create(org(ex), ex.json(OAuthAppRequest.class))))))
                .route("GET", OAUTH, manager(ex -> Reply.ok(new Data<>(oauthApps.list(org(ex))))))
                .route("GET", OAUTH + "/{clientId}", manager(ex -> Reply.ok(new Data<>(
                        oauthApps.get(org(ex), ex.path("clientId"))))))
                .route("PUT", OAUTH + "/{clientId}", manager(ex -> Reply.ok(new Data<>(
                        oauthApps.update(org(ex), ex.path("clientId"), ex.json(OAuthAppRequest.class))))))
                .route("DELETE", OAUTH + "/{clientId}", manager(ex -> {
                    oauthApps.delete(org(ex), ex.path("clientId"));
                    return Reply.noContent();
                }))
                .route("POST", OAUTH + "/{clientId}/rotate-secret", manager(ex -> Reply.ok(new Data<>(
                        oauthApps.rotate(org(ex), ex.path("clientId"))))));

        router.route("POST", LISTINGS, manager(ex -> Reply.created(new Data<>(
                        store.create(org(ex), ex.json(StoreAppRequest.class))))))
                .route("GET", LISTINGS, manager(ex -> Reply.ok(new Data<>(store.listOwn(org(ex))))))
                .route("GET", LISTINGS + "/{appStoreAppId}", manager(ex -> Reply.ok(new Data<>(
                        store.getOwn(org(ex), ex.path("appStoreAppId"))))))
                .route("PUT", LISTINGS + "/{appStoreAppId}", manager(ex -> Reply.ok(new Data<>(
                        store.update(org(ex), ex.path("appStoreAppId"), ex.json(StoreAppRequest.class))))))
                .route("POST", LISTINGS + "/{appStoreAppId}/submit", manager(ex -> Reply.ok(new Data<>(
                        store.submit(org(ex), ex.path("appStoreAppId"))))));

        router.route("GET", REVIEWS, manager(ex -> Reply.ok(new Data<>(
                        store.reviewQueue(org(ex), ex.query("state").orElse(null))))))
                .route("POST", REVIEWS + "/{appStoreAppId}/approve", manager(ex -> Reply.ok(new Data<>(
                        store.approveAsReviewer(org(ex), ex.path("appStoreAppId"))))));

        router.route("GET", STORE, manager(ex -> Reply.ok(new Data<>(store.catalogue(org(ex))))))
                .route("GET", STORE + "/{appStoreAppId}", manager(ex -> Reply.ok(new Data<>(
                        store.catalogueEntry(org(ex), ex.path("appStoreAppId"))))));

        router.route("POST", INSTALLS, manager(ex -> Reply.created(new Data<>(
                        installs.install(org(ex), ex.json(InstallRequest.class), ex.principal())))))
                .route("GET", INSTALLS, manager(ex -> Reply.ok(new Data<>(installs.list(org(ex))))))
                .route("GET", INSTALLS + "/{appStoreAppId}", manager(ex -> Reply.ok(new Data<>(
                        installs.get(org(ex), ex.path("appStoreAppId"))))))
                .route("PUT", INSTALLS + "/{appStoreAppId}", manager(ex -> Reply.ok(new Data<>(
                        installs.reconfigure(org(ex), ex.path("appStoreAppId"), ex.json(InstallRequest.class),
                                ex.principal())))))
                .route("DELETE", INSTALLS + "/{appStoreAppId}", manager(ex -> {
                    installs.uninstall(org(ex), ex.path("appStoreAppId"), ex.principal());
                    return Reply.noContent();
                }));
    }

    private static Route manager(Route route) {
        return ex -> {
            ex.principal().requireBackOffice();
            return route.handle(ex);
        };
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
