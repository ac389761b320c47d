package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.Data;
import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.protocol.webhooks.SubscriptionView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The webhook manager: subscriptions with their status and consecutive failures, create (the generated secret
 * is handed to the screen once) and edit, re-enable, a test event, and the delivery log of the selected one.
 */
public final class WebhooksViewModel {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    /** The event types a subscription can name, as the webhook guides spell them. */
    public static final List<String> EVENT_TYPES = List.of("sales.created.v1", "sales.cancelled.v1",
            "sales.pos.status.updated.v1", "sales.delivery.status.updated.v1", "menu.published.v1",
            "menu.validation.failed.v1", "menu.item.snoozed.v1", "menu.item.unsnoozed.v1",
            "sales_channel.snoozed.v1", "sales_channel.unsnoozed.v1");
    private static final TypeReference<Data<List<SubscriptionView>>> LIST = new TypeReference<>() { };
    private static final TypeReference<Data<SubscriptionView>> ONE = new TypeReference<>() { };
    private static final TypeReference<Data<List<DeliveryAttempt>>> LOG = new TypeReference<>() { };
    private static final TypeReference<Data<List<Map<String, String>>>> TRIGGERED = new TypeReference<>() { };

    private final BackOfficeClient office;
    private final Background background;
    private final ObservableList<SubscriptionView> subscriptions = FXCollections.observableArrayList();
    private final ObservableList<DeliveryAttempt> deliveries = FXCollections.observableArrayList();
    private final ObjectProperty<SubscriptionView> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tierGate = new ReadOnlyStringWrapper("");

    public WebhooksViewModel(BackOfficeClient office, Background background) {
        this.office = office;
        this.background = background;
    }

    /** A list and one subscription's log, read together. */
    private record Snapshot(List<SubscriptionView> list, String selectedId, List<DeliveryAttempt> log) {
    }

    /** Selects a subscription (or none) and reads its delivery log. */
    public void select(SubscriptionView sub) {
        selected.set(sub);
        loadDeliveries();
    }

    /** Reads the list again (and the selected one's log), keeping the selection. */
    public void refresh() {
        String keep = selectedId();
        background.run(() -> snapshot(keep), s -> {
            if (java.util.Objects.equals(keep, selectedId())) {
                show(s);
            } else {
                // The manager chose another row while this was on its way: keep their choice, its log is loading.
                subscriptions.setAll(s.list());
                selected.set(s.list().stream().filter(x -> x.subscriptionId().equals(selectedId())).findFirst()
                        .orElse(null));
            }
        }, this::failed);
    }

    public void loadDeliveries() {
        String id = selectedId();
        if (id == null) {
            deliveries.clear();
            return;
        }
        background.run(() -> office.get("webhooks/" + id + "/deliveries", LOG).data(), deliveries::setAll,
                this::failed);
    }

    /** Creates a subscription; {@code showSecret} receives it with its secret, the only time that is shown. */
    public void create(SubscriptionRequest draft, Consumer<SubscriptionView> showSecret) {
        background.run(() -> {
            SubscriptionView created = office.post("webhooks", draft, ONE).data();
            return new Created(created, snapshot(created.subscriptionId()));
        }, c -> {
            tierGate.set("");
            show(c.after());
            message.set(TEXTS.subscriptionCreated(c.sub().callbackUrl()));
            showSecret.accept(c.sub());
        }, this::failed);
    }

    private record Created(SubscriptionView sub, Snapshot after) {
    }

    /** Changes the selected subscription's URL, event types and properties (the secret stays). */
    public void update(String subscriptionId, SubscriptionRequest draft) {
        act(subscriptionId, () -> office.put("webhooks/" + subscriptionId, draft, ONE), TEXTS.subscriptionSaved());
    }

    /** Turns a subscription that was disabled after failures back on; pending deliveries go out at once. */
    public void enable(String subscriptionId) {
        act(subscriptionId, () -> office.post("webhooks/" + subscriptionId + "/enable", null, ONE),
                TEXTS.subscriptionEnabled());
    }

    /** Sends one synthetic event per subscribed type (marked {@code synthetic: true}). */
    public void sendTest(String subscriptionId) {
        background.run(() -> {
            int sent = office.post("webhooks/" + subscriptionId + "/test", null, TRIGGERED).data().size();
            return new Tested(sent, snapshot(subscriptionId));
        }, t -> {
            show(t.after());
            message.set(TEXTS.testEventsQueued(t.sent()));
        }, this::failed);
    }

    private record Tested(int sent, Snapshot after) {
    }

    public void delete(String subscriptionId) {
        act(null, () -> {
            office.delete("webhooks/" + subscriptionId);
            return null;
        }, TEXTS.subscriptionDeleted());
    }

    private void act(String select, java.util.concurrent.Callable<?> change, String done) {
        background.run(() -> {
            change.call();
            return snapshot(select);
        }, after -> {
            show(after);
            message.set(done);
        }, this::failed);
    }

    private Snapshot snapshot(String selectedId) throws java.io.IOException {
        List<SubscriptionView> list = office.get("webhooks", LIST).data();
        boolean present = selectedId != null && list.stream().anyMatch(s -> s.subscriptionId().equals(selectedId));
        return present ? new Snapshot(list, selectedId, office.get("webhooks/" + selectedId + "/deliveries", LOG)
                .data()) : new Snapshot(list, null, List.of());
    }

    private void show(Snapshot s) {
        subscriptions.setAll(s.list());
        selected.set(s.list().stream().filter(x -> x.subscriptionId().equals(s.selectedId())).findFirst()
                .orElse(null));
        deliveries.setAll(s.log());
    }

    private String selectedId() {
        return selected.get() == null ? null : selected.get().subscriptionId();
    }

    private void failed(Throwable e) {
        if (Refusals.isTierGate(e)) {
            tierGate.set(e.getMessage());
            message.set("");
        } else {
            message.set(Refusals.describe(e));
        }
    }

    /** The body of a create or an edit: the server makes the secret, and an edit leaves it and the switch as they are. */
    public static SubscriptionRequest draft(String callbackUrl, List<String> eventTypes, List<String> propertyIds) {
        return new SubscriptionRequest(callbackUrl, null, eventTypes, propertyIds, null);
    }

    /** "Active" or "Disabled: reason". */
    public static String status(SubscriptionView s) {
        return s.enabled() ? TEXTS.active()
                : s.disabledReason() == null ? TEXTS.disabled() : TEXTS.disabledBecause(s.disabledReason());
    }

    /** The status code of an attempt, or the error when the endpoint never answered. */
    public static String outcome(DeliveryAttempt a) {
        return a.statusCode() != null ? String.valueOf(a.statusCode()) : a.error() == null ? TEXTS.noAnswer() : a.error();
    }

    /** Splits a comma- or space-separated list (property ids typed in a field). */
    public static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public ObservableList<SubscriptionView> subscriptions() {
        return subscriptions;
    }

    public ObservableList<DeliveryAttempt> deliveries() {
        return deliveries;
    }

    public ObjectProperty<SubscriptionView> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tierGateProperty() {
        return tierGate.getReadOnlyProperty();
    }
}
