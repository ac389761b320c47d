package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.Data;
import io.brigade.protocol.apikeys.ApiKey;
import io.brigade.protocol.apikeys.CreatedApiKey;
import io.brigade.protocol.apikeys.NewApiKey;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The API Key Manager: list, create (the key is handed to the screen once) and revoke. */
public final class ApiKeysViewModel {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    private static final TypeReference<Data<List<ApiKey>>> KEYS = new TypeReference<>() { };
    private final BackOfficeClient office;
    private final Background background;
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tierGate = new ReadOnlyStringWrapper("");

    public ApiKeysViewModel(BackOfficeClient office, Background background) {
        this.office = office;
        this.background = background;
    }

    private record Created(CreatedApiKey key, List<ApiKey> list) {
    }

    public void refresh() {
        background.run(() -> office.get("api-keys", KEYS).data(), keys::setAll, this::failed);
    }

    /** Creates a key; {@code showOnce} receives it, the only time the full key exists outside the server. */
    public void create(String name, Consumer<CreatedApiKey> showOnce) {
        background.run(() -> {
            CreatedApiKey key = office.post("api-keys", new NewApiKey(name), CreatedApiKey.class);
            return new Created(key, office.get("api-keys", KEYS).data());
        }, created -> {
            keys.setAll(created.list());
            tierGate.set("");
            message.set(TEXTS.keyCreated(created.key().name()));
            showOnce.accept(created.key());
        }, this::failed);
    }

    public void revoke(ApiKey key) {
        background.run(() -> {
            office.delete("api-keys/" + key.keyId());
            return office.get("api-keys", KEYS).data();
        }, list -> {
            keys.setAll(list);
            message.set(TEXTS.keyRevoked(key.name()));
        }, this::failed);
    }

    /** How the list shows a key: its prefix, an ellipsis and its last four characters. */
    public static String masked(ApiKey key) {
        return key.keyPrefix() + "\u2026" + key.lastFour();
    }

    private void failed(Throwable e) {
        if (Refusals.isTierGate(e)) {
            tierGate.set(e.getMessage());
            message.set("");
        } else {
            message.set(Refusals.describe(e));
        }
    }

    public ObservableList<ApiKey> keys() {
        return keys;
    }

    /** What happened last: a confirmation or the server's refusal. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The plan gate's message (empty when the plan allows API keys), as the server words it. */
    public ReadOnlyStringProperty tierGateProperty() {
        return tierGate.getReadOnlyProperty();
    }
}
