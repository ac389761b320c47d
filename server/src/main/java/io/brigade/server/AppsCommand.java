package io.brigade.server;

import io.brigade.protocol.Json;
import io.brigade.protocol.apps.AppWire;
import io.brigade.server.apps.Apps;
import io.brigade.server.db.Database;
import io.brigade.server.domain.DomainException;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.webhooks.CallbackGuard;
import io.brigade.server.webhooks.DeliveryRepository;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.SubscriptionRepository;
import io.brigade.server.webhooks.WebhookOutbox;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The operator's App Store review on the command line: list apps by state, approve one, mark reviewer orgs. */
@Command(name = "apps", description = "Review App Store apps as a platform operator.",
        subcommands = {AppsCommand.ListApps.class, AppsCommand.Approve.class, AppsCommand.Reviewer.class})
final class AppsCommand {

    private static Apps apps(Database database) {
        OrgRepository orgs = new OrgRepository();
        SubscriptionRepository subscriptions = new SubscriptionRepository();
        Clock clock = Clock.systemUTC();
        // Review touches neither webhooks nor secrets; a throwaway key keeps the master key file untouched.
        return new Apps(database, orgs, subscriptions, new WebhookOutbox(subscriptions, new DeliveryRepository(), orgs,
                clock), SecretBox.random(), new CallbackGuard(false), clock, () -> { });
    }

    /** One review step against an open database; its exit code. */
    private interface Step {
        int run(Apps apps) throws Exception;
    }

    // Opens the database, runs the step and turns a refusal (unknown app, wrong state) into exit code 1.
    private static int run(Main.DbOptions db, Step step) throws Exception {
        try (Database database = db.open()) {
            return step.run(apps(database));
        } catch (DomainException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "list", description = "List App Store apps in a state (default Submitted).")
    static final class ListApps implements Callable<Integer> {
        @Option(names = "--state", defaultValue = AppWire.SUBMITTED, description = "Draft, Submitted or Approved")
        String state;
        @CommandLine.Mixin
        Main.DbOptions db = new Main.DbOptions();

        @Override
        public Integer call() throws Exception {
            return run(db, apps -> {
                for (AppWire.StoreAppView app : apps.store().listInState(state)) {
                    System.out.println(app.appStoreAppId() + "\t" + app.state() + "\t" + app.ownerOrgId() + "\t"
                            + app.name() + "\t" + app.permissionLevel().scopes());
                }
                return 0;
            });
        }
    }

    @Command(name = "approve", description = "Approve a submitted App Store app; other orgs can then install it.")
    static final class Approve implements Callable<Integer> {
        @Option(names = "--app", required = true, description = "App Store app id (asa_...)")
        String appStoreAppId;
        @Option(names = "--by", description = "operator name recorded on the approval (default: $USER)")
        String by;
        @CommandLine.Mixin
        Main.DbOptions db = new Main.DbOptions();

        @Override
        public Integer call() throws Exception {
            String operator = by != null ? by : System.getProperty("user.name", "operator");
            return run(db, apps -> {
                System.out.println(Json.mapper().writeValueAsString(apps.store().approve(appStoreAppId,
                        "cli:" + operator)));
                return 0;
            });
        }
    }

    @Command(name = "reviewer", description = "Let an org's managers review App Store apps in the back office.")
    static final class Reviewer implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "org id")
        String orgId;
        @Option(names = "--revoke", description = "take the reviewer role away instead")
        boolean revoke;
        @CommandLine.Mixin
        Main.DbOptions db = new Main.DbOptions();

        @Override
        public Integer call() throws Exception {
            return run(db, apps -> {
                if (!apps.setReviewer(orgId, !revoke)) {
                    System.err.println("no org " + orgId);
                    return 1;
                }
                System.out.println(orgId + (revoke ? " is no longer" : " is") + " an App Store reviewer");
                return 0;
            });
        }
    }
}
