package io.brigade.desktop.kitchen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.KitchenStream;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen workspace: loads the screen, feeds its model from the server's event stream and starts the stream
 * while the screen is in the window (someone from the kitchen or a manager is signed in) and stops it otherwise.
 * Age thresholds come from {@code brigade.kitchen.amberMinutes} / {@code redMinutes} (default 5 and 8).
 */
public final class KitchenWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenWorkspace.class);
    private final KitchenViewModel model;
    private final KitchenStream stream;
    private final KitchenSound sound = new KitchenSound();
    private final Parent view;

    private KitchenWorkspace(BackOfficeClient office, String propertyId, Supplier<Optional<MenuRevision>> menu,
                             Clock clock, Background background, ZoneId zone) {
        model = new KitchenViewModel(clock, zone);
        model.ageThresholds(Duration.ofMinutes(Long.getLong("brigade.kitchen.amberMinutes", 5)),
                Duration.ofMinutes(Long.getLong("brigade.kitchen.redMinutes", 8)));
        KitchenActions actions = new KitchenActions(office, propertyId);
        FXMLLoader loader = new FXMLLoader(KitchenWorkspace.class.getResource("KitchenView.fxml"));
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the kitchen display", e);
        }
        model.commands(actions, background);
        ((KitchenController) loader.getController()).bind(model, zone);
        stream = new KitchenStream(office.http(), actions.streamUrl(), new StreamToModel(),
                Duration.ofSeconds(2));
        view.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.stations(stations(menu.get()));
                stream.start();
            } else {
                stream.stop();
                model.streamDown("signed out");
            }
        });
    }

    /**
     * The kitchen display of {@code propertyId}, acting through {@code office} as whoever is signed in; its
     * stations are the categories of the cached {@code menu}.
     */
    public static KitchenWorkspace create(BackOfficeClient office, String propertyId,
                                          Supplier<Optional<MenuRevision>> menu, Clock clock, Background background,
                                          ZoneId zone) {
        return new KitchenWorkspace(office, propertyId, menu, clock, background, zone);
    }

    public Parent view() {
        return view;
    }

    public KitchenViewModel model() {
        return model;
    }

    public KitchenSound sound() {
        return sound;
    }

    static List<String> stations(Optional<MenuRevision> revision) {
        return revision.map(r -> r.menu().categories().stream().map(Category::caption).distinct().toList())
                .orElse(List.of());
    }

    /** Moves what the stream reads onto the FX thread, into the model. */
    private final class StreamToModel implements KitchenStream.Listener {
        private final ObjectMapper mapper = Json.mapper();

        @Override
        public void connected() {
            Platform.runLater(model::streamUp);
        }

        @Override
        public void disconnected(String why) {
            Platform.runLater(() -> model.streamDown(why));
        }

        @Override
        public void event(String id, String type, String data) {
            try {
                switch (type) {
                    case "snapshot" -> {
                        KitchenSnapshot s = mapper.readValue(data, KitchenSnapshot.class);
                        Platform.runLater(() -> model.snapshot(s));
                    }
                    case KitchenEvent.TICKET_CREATED -> {
                        KitchenTicket t = mapper.readValue(data, KitchenTicket.class);
                        Platform.runLater(() -> {
                            if (model.created(t) && !model.mutedProperty().get()) {
                                sound.play();
                            }
                        });
                    }
                    case KitchenEvent.TICKET_STATUS -> {
                        KitchenEvent.StatusChange c = mapper.readValue(data, KitchenEvent.StatusChange.class);
                        Platform.runLater(() -> model.status(c.saleId(), c.status(), c.bumpedAt()));
                    }
                    case KitchenEvent.ITEM_DONE -> {
                        KitchenEvent.ItemDone d = mapper.readValue(data, KitchenEvent.ItemDone.class);
                        Platform.runLater(() -> model.itemDone(d.saleId(), d.lineNo(), d.done()));
                    }
                    default -> LOG.debug("ignoring kitchen event {}", type);
                }
            } catch (IOException e) {
                LOG.warn("unreadable kitchen event {} ({})", id, type, e);
            }
        }
    }
}
