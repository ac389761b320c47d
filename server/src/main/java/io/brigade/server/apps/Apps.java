package io.brigade.server.apps;

import io.brigade.server.auth.AppCredentials;
import io.brigade.server.db.Database;
import io.brigade.server.http.Router;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.webhooks.CallbackGuard;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.SubscriptionRepository;
import io.brigade.server.webhooks.WebhookOutbox;
import java.time.Clock;

/** The apps feature as the server wires it: token hooks and the routes. */
public final class Apps {
    private final Database database;
    private final AppRepository repository = new AppRepository();
    private final AppTokens tokens;
    private final AppStoreService store;
    private final AppRoutes routes;

    public Apps(Database database, OrgRepository orgs, SubscriptionRepository subscriptions, WebhookOutbox outbox,
                SecretBox box, CallbackGuard guard, Clock clock, Runnable dispatchHint) {
        this.database = database;
        this.tokens = new AppTokens(database, repository);
        this.store = new AppStoreService(database, repository, guard, clock);
        this.routes = new AppRoutes(new OAuthAppService(database, repository, subscriptions, box, guard, clock), store,
                new InstallService(database, repository, orgs, subscriptions, outbox, box, clock, dispatchHint));
    }

    /** For the token endpoint and the authenticator. */
    public AppCredentials credentials() {
        return tokens;
    }

    /** Adds the back-office routes. */
    public void register(Router router) {
        routes.register(router);
    }

    /** The operator's side, for the command line. */
    public AppStoreService store() {
        return store;
    }

    /** Marks (or unmarks) an org as an operator org that may review App Store apps; false if there is no such org. */
    public boolean setReviewer(String orgId, boolean reviewer) {
        return database.inTransaction(c -> repository.setReviewer(c, orgId, reviewer));
    }
}
