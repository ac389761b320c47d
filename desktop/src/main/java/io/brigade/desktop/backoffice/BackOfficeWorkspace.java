package io.brigade.desktop.backoffice;

import io.brigade.desktop.app.AppServices;
import io.brigade.desktop.app.Background;
import io.brigade.desktop.app.CrashDialog;
import io.brigade.desktop.app.FxBackground;
import io.brigade.protocol.menus.MenuRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds the manager's back-office workspace (API keys, webhooks, jobs, staff, this terminal) over
 * {@link AppServices#backOffice()}.
 */
public final class BackOfficeWorkspace {
    private BackOfficeWorkspace() {
    }

    /**
     * The workspace's root. Server calls run on a worker of their own, so a slow back-office answer never holds up
     * the till's local writes on {@code appBackground}; settings are saved on {@code appBackground} as before.
     */
    public static Parent load(AppServices s, Background appBackground, ZoneId businessZone) {
        FXMLLoader loader = new FXMLLoader(BackOfficeWorkspace.class.getResource("BackOfficeView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the back office", e);
        }
        FxBackground server = new FxBackground();
        BackOfficeClient office = s.backOffice();
        BackOfficeController controller = loader.getController();
        controller.bind(new ApiKeysViewModel(office, server), new WebhooksViewModel(office, server),
                new JobsViewModel(office, server, () -> s.menus().current().map(MenuRevision::menuId).orElse(null)),
                new StaffViewModel(office, server), businessZone, server::close);
        controller.settings().bind(s.settings(), s.isEmbedded(), next -> appBackground.run(() -> {
            s.saveSettings(next);
            return next;
        }, ok -> { }, CrashDialog::show));
        return root;
    }
}
