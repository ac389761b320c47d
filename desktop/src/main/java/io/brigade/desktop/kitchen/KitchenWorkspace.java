package io.brigade.desktop.kitchen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.KitchenStream;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.menus.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen workspace: loads the screen, feeds its model from the server's event stream while the screen is in
 * the window (someone from the kitchen or a manager is signed in) and stops it otherwise. The screen starts on the
 * station (or expo) this PC showed last. Age thresholds come from {@code brigade.kitchen.amberMinutes} /
 * {@code redMinutes} (default 5 and 8).
 */
public final class KitchenWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenWorkspace.class);
    private final KitchenViewModel model;
    private final KitchenStream stream;
    private final KitchenSound sound = new KitchenSound();
    private final Parent view;
    private final ObservableValue<Boolean> onScreen;

    /** Where a PC keeps the screen it shows: read once at start, written on each choice. */
    public interface ViewMemory {
        Optional<String> last();

        void remember(String viewId);
    }

    private KitchenWorkspace(BackOfficeClient office, String propertyId, ViewMemory memory, Clock clock,
                             Background background, ZoneId zone) {
        KitchenTexts texts = Texts.of(KitchenTexts.class);
        model = new KitchenViewModel(clock, texts);
        model.ageThresholds(Duration.ofMinutes(Long.getLong("brigade.kitchen.amberMinutes", 5)),
                Duration.ofMinutes(Long.getLong("brigade.kitchen.redMinutes", 8)));
        KitchenActions actions = new KitchenActions(office, propertyId);
        FXMLLoader loader = Texts.loader(KitchenWorkspace.class, "KitchenView.fxml");
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the kitchen display", e);
        }
        Consumer<String> remember = viewId -> background.run(() -> {
            memory.remember(viewId);
            return viewId;
        }, ok -> { }, failure -> LOG.warn("cannot remember the kitchen screen's view", failure));
        model.commands(actions, background, remember);
        background.run(memory::last, last -> last.ifPresent(model::show),
                failure -> LOG.warn("cannot read the kitchen screen's view", failure));
        ((KitchenController) loader.getController()).bind(model, texts, zone);
        stream = new KitchenStream(office.http(), actions.streamUrl(), new StreamToModel(), Duration.ofSeconds(2));
        // Today's prep times roll over at midnight and move with other screens' bumps.
        Timeline prepTimes = new Timeline(new KeyFrame(javafx.util.Duration.minutes(1),
                e -> model.refreshPrepTimes()));
        prepTimes.setCycleCount(Animation.INDEFINITE);
        // Live while the screen is in a window on show: signing out takes it out of the window, and closing the
        // app hides the window (after which the app's background worker takes no more work).
        onScreen = view.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false);
        onScreen.addListener((o, was, is) -> {
            if (is) {
                stream.start();
                prepTimes.play();
            } else {
                stream.stop();
                prepTimes.stop();
                model.streamDown(Texts.of(KitchenTexts.class).signedOut());
            }
        });
    }

    /** The kitchen screen of {@code propertyId}, acting through {@code office} as whoever is signed in. */
    public static KitchenWorkspace create(BackOfficeClient office, String propertyId, ViewMemory memory, Clock clock,
                                          Background background, ZoneId zone) {
        return new KitchenWorkspace(office, propertyId, memory, clock, background, zone);
    }

    /**
     * The back office's editor of {@code propertyId}'s kitchen stations, over the categories of the menu this
     * terminal has cached.
     */
    public static Parent stationsEditor(BackOfficeClient office, String propertyId,
                                        java.util.function.Supplier<java.util.List<Category>> categories,
                                        Background background) {
        KitchenTexts texts = Texts.of(KitchenTexts.class);
        FXMLLoader loader = Texts.loader(KitchenWorkspace.class, "KitchenStationsView.fxml");
        Parent editor;
        try {
            editor = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the kitchen stations editor", e);
        }
        ((KitchenStationsController) loader.getController()).bind(new KitchenStationsViewModel(office, propertyId,
                categories, background, texts), texts);
        return editor;
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
                    case KitchenEvent.TICKET_UPDATED -> {
                        KitchenTicket t = mapper.readValue(data, KitchenTicket.class);
                        Platform.runLater(() -> model.updated(t));
                    }
                    case KitchenEvent.STATIONS -> {
                        KitchenStations s = mapper.readValue(data, KitchenStations.class);
                        Platform.runLater(() -> model.stations(s));
                    }
                    default -> LOG.debug("ignoring kitchen event {}", type);
                }
            } catch (IOException e) {
                LOG.warn("unreadable kitchen event {} ({})", id, type, e);
            }
        }
    }
}
