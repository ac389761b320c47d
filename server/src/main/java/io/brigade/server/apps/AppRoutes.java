package io.brigade.server.apps;

import io.brigade.protocol.Data;
import io.brigade.protocol.apps.AppWire.InstallRequest;
import io.brigade.protocol.apps.AppWire.OAuthAppRequest;
import io.brigade.protocol.apps.AppWire.StoreAppRequest;
import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * Back-office routes of the apps feature, all for the org's managers ({@link Access#manager()}):
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
        router.post(OAUTH, Access.manager(), ex -> Reply.created(new Data<>(
                        oauthApps.create(org(ex), ex.json(OAuthAppRequest.class)))).secret())
                .get(OAUTH, Access.manager(), ex -> Reply.ok(new Data<>(oauthApps.list(org(ex)))))
                .get(OAUTH + "/{clientId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        oauthApps.get(org(ex), ex.path("clientId")))))
                .put(OAUTH + "/{clientId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        oauthApps.update(org(ex), ex.path("clientId"), ex.json(OAuthAppRequest.class)))))
                .delete(OAUTH + "/{clientId}", Access.manager(), ex -> {
                    oauthApps.delete(org(ex), ex.path("clientId"));
                    return Reply.noContent();
                })
                .post(OAUTH + "/{clientId}/rotate-secret", Access.manager(), ex -> Reply.ok(new Data<>(
                        oauthApps.rotate(org(ex), ex.path("clientId")))).secret());

        router.post(LISTINGS, Access.manager(), ex -> Reply.created(new Data<>(
                        store.create(org(ex), ex.json(StoreAppRequest.class)))))
                .get(LISTINGS, Access.manager(), ex -> Reply.ok(new Data<>(store.listOwn(org(ex)))))
                .get(LISTINGS + "/{appStoreAppId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        store.getOwn(org(ex), ex.path("appStoreAppId")))))
                .put(LISTINGS + "/{appStoreAppId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        store.update(org(ex), ex.path("appStoreAppId"), ex.json(StoreAppRequest.class)))))
                .post(LISTINGS + "/{appStoreAppId}/submit", Access.manager(), ex -> Reply.ok(new Data<>(
                        store.submit(org(ex), ex.path("appStoreAppId")))));

        router.get(REVIEWS, Access.manager(), ex -> Reply.ok(new Data<>(
                        store.reviewQueue(org(ex), ex.query("state").orElse(null)))))
                .post(REVIEWS + "/{appStoreAppId}/approve", Access.manager(), ex -> Reply.ok(new Data<>(
                        store.approveAsReviewer(org(ex), ex.path("appStoreAppId")))));

        router.get(STORE, Access.manager(), ex -> Reply.ok(new Data<>(store.catalogue(org(ex)))))
                .get(STORE + "/{appStoreAppId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        store.catalogueEntry(org(ex), ex.path("appStoreAppId")))));

        router.post(INSTALLS, Access.manager(), ex -> Reply.created(new Data<>(
                        installs.install(org(ex), ex.json(InstallRequest.class), ex.caller()))))
                .get(INSTALLS, Access.manager(), ex -> Reply.ok(new Data<>(installs.list(org(ex)))))
                .get(INSTALLS + "/{appStoreAppId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        installs.get(org(ex), ex.path("appStoreAppId")))))
                .put(INSTALLS + "/{appStoreAppId}", Access.manager(), ex -> Reply.ok(new Data<>(
                        installs.reconfigure(org(ex), ex.path("appStoreAppId"), ex.json(InstallRequest.class),
                                ex.caller()))))
                .delete(INSTALLS + "/{appStoreAppId}", Access.manager(), ex -> {
                    installs.uninstall(org(ex), ex.path("appStoreAppId"), ex.caller());
                    return Reply.noContent();
                });
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
