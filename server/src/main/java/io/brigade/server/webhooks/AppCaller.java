package io.brigade.server.webhooks;

import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.server.domain.Validation;
import java.util.List;
import java.util.Set;

/**
 * An installed app calling the Webhook Service API on an org that installed it: its subscriptions there are
 * its own (removed on uninstall), and on an install limited to some stores ({@code stores} non-empty) they
 * cover only those stores.
 */
public record AppCaller(String clientId, Set<String> stores) {

    /** The request with its {@code propertyIds} kept inside the install's stores (all of them when none named). */
    SubscriptionRequest limit(SubscriptionRequest r, Validation v, boolean creating) {
        if (stores.isEmpty() || (!creating && r.propertyIds() == null)) {
            return r;
        }
        if (r.propertyIds() == null || r.propertyIds().isEmpty()) {
            return new SubscriptionRequest(r.callbackUrl(), r.secret(), r.eventTypes(), List.copyOf(stores),
                    r.enabled());
        }
        for (int i = 0; i < r.propertyIds().size(); i++) {
            if (!stores.contains(r.propertyIds().get(i))) {
                v.error("propertyIds[" + i + "]", "is not a store this app is installed on");
            }
        }
        return r;
    }
}
