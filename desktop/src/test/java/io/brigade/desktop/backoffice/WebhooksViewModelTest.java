package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.protocol.webhooks.SubscriptionView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook manager's logic against a real server and a real receiver, without a screen. */
class WebhooksViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aFailingEndpointsAttemptsAreLoggedWithStatusAndLatencyAndTheSecretIsShownOnce() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir); WebhookReceiver receiver = new WebhookReceiver(500)) {
            WebhooksViewModel vm = new WebhooksViewModel(f.office, Background.direct());
            List<SubscriptionView> shown = new ArrayList<>();
            vm.create(WebhooksViewModel.draft(receiver.url(), List.of("sales.created.v1"), List.of()), shown::add);
            assertEquals(1, shown.size(), vm.messageProperty().get());
            assertTrue(shown.get(0).secret().startsWith("whsec_"));
            assertEquals(shown.get(0).subscriptionId(), vm.selectedProperty().get().subscriptionId());
            assertNull(vm.selectedProperty().get().secret(), "the list never carries the secret");

            vm.sendTest(shown.get(0).subscriptionId());
            Tills.await("the receiver to be called", Duration.ofSeconds(20), () -> receiver.received.get() >= 1);
            vm.sendTest(shown.get(0).subscriptionId());
            // The list and the log are two reads: wait until both have seen the second attempt.
            Tills.await("two attempts in the log and two failures in a row", Duration.ofSeconds(20), () -> {
                vm.refresh();
                return vm.deliveries().size() >= 2 && vm.selectedProperty().get().consecutiveFailures() >= 2;
            });
            for (DeliveryAttempt a : vm.deliveries()) {
                assertEquals(500, a.statusCode());
                assertEquals("500", WebhooksViewModel.outcome(a));
                assertTrue(a.latencyMs() >= 0);
                assertNotNull(a.attemptedAt());
            }
            assertTrue(vm.selectedProperty().get().consecutiveFailures() >= 2,
                    String.valueOf(vm.selectedProperty().get()));
        }
    }

    @Test
    void editKeepsTheSubscriptionReEnableClearsFailuresAndBadInputChangesNothing() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            WebhooksViewModel vm = new WebhooksViewModel(f.office, Background.direct());
            List<SubscriptionView> shown = new ArrayList<>();
            vm.create(WebhooksViewModel.draft("http://127.0.0.1:9/a", List.of("sales.created.v1"), List.of()), shown::add);
            String id = shown.get(0).subscriptionId();

            vm.update(id, WebhooksViewModel.draft("http://127.0.0.1:9/b", List.of("menu.published.v1"),
                    List.of(f.tenant.propertyId())));
            SubscriptionView edited = vm.selectedProperty().get();
            assertEquals("http://127.0.0.1:9/b", edited.callbackUrl());
            assertEquals(List.of("menu.published.v1"), edited.eventTypes());
            assertEquals(List.of(f.tenant.propertyId()), edited.propertyIds());

            vm.update(id, WebhooksViewModel.draft("ftp://nowhere", List.of("order.created"), null));
            assertTrue(vm.messageProperty().get().contains("callbackUrl"), vm.messageProperty().get());
            vm.refresh();
            assertEquals("http://127.0.0.1:9/b", vm.selectedProperty().get().callbackUrl(), "nothing changed");

            List<SubscriptionView> none = new ArrayList<>();
            vm.create(WebhooksViewModel.draft("", List.of(), List.of()), none::add);
            assertTrue(none.isEmpty());
            assertEquals(1, vm.subscriptions().size());

            vm.enable(id);
            assertTrue(vm.selectedProperty().get().enabled());
            assertEquals(0, vm.selectedProperty().get().consecutiveFailures());
            assertEquals("Active", WebhooksViewModel.status(vm.selectedProperty().get()));

            vm.delete(id);
            assertTrue(vm.subscriptions().isEmpty());
            assertNull(vm.selectedProperty().get());
        }
    }

    @Test
    void belowEnterpriseTheServersTierMessageIsShown() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            f.plan("Professional");
            WebhooksViewModel vm = new WebhooksViewModel(f.office, Background.direct());
            List<SubscriptionView> shown = new ArrayList<>();
            vm.create(WebhooksViewModel.draft("http://127.0.0.1:9/a", List.of("sales.created.v1"), List.of()), shown::add);
            assertTrue(shown.isEmpty());
            assertTrue(vm.tierGateProperty().get().contains("Upgrade to Enterprise"), vm.tierGateProperty().get());
            assertFalse(vm.tierGateProperty().get().isEmpty());
        }
    }
}
