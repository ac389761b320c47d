package io.brigade.desktop.money;

import io.brigade.desktop.fx.Background;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Tab;

/**
 * The back office's money tabs, each an FXML view bound to its view model: the store's Z reports (take, read,
 * export), its audit log, the tills' requests for a manager, what needs one, and the vouchers.
 */
public final class MoneyOfficeView {
    private MoneyOfficeView() {
    }

    /** Prints a report on this PC's receipt printer: answers the printer's name, empty when this PC has none. */
    @FunctionalInterface
    public interface ReportPrinter {
        java.util.Optional<String> print(io.brigade.protocol.money.MoneyReport report);
    }

    /** The two tabs, over {@code office}; {@code exportDir} (null: ask with a file chooser) is where CSVs go. */
    public static List<Tab> tabs(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                 String currency, Path exportDir) {
        return tabs(office, background, texts, zone, currency, exportDir, r -> java.util.Optional.empty());
    }

    /** As above; the Z tab's Print sends the chosen Z report to {@code printer}. */
    public static List<Tab> tabs(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                 String currency, Path exportDir, ReportPrinter printer) {
        javafx.fxml.FXMLLoader z = load("ZReportsView.fxml");
        ZReportsController zController = z.getController();
        zController.bind(new ZReportsViewModel(office, background, texts, zone, printer), exportDir);
        javafx.fxml.FXMLLoader audit = load("AuditView.fxml");
        AuditController auditController = audit.getController();
        auditController.bind(new AuditViewModel(office, background, texts, zone), currency);
        return List.of(readWhenChosen(new Tab(texts.zReports(), z.getRoot()), "tab-z-reports", zController::refresh),
                readWhenChosen(new Tab(texts.auditLog(), audit.getRoot()), "tab-audit", auditController::refresh));
    }

    /**
     * The tills' requests for a manager, answered by the signed-in manager: read when the tab is chosen and every two
     * seconds while it is on screen (a till is waiting).
     */
    public static Tab approvalsTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                   String currency) {
        javafx.fxml.FXMLLoader loader = io.brigade.desktop.i18n.Texts.loader(MoneyOfficeView.class,
                "OfficeApprovalsView.fxml");
        javafx.scene.Parent view;
        try {
            view = loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load the approvals tab", e);
        }
        OfficeApprovalsController controller = loader.getController();
        controller.bind(new OfficeApprovalsViewModel(office, background, texts), texts, zone, currency);
        Tab tab = readWhenChosen(new Tab(texts.approvalsTab(), view), "tab-approvals", controller::refresh);
        javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(2), e -> {
                    if (tab.isSelected() && view.getScene() != null && view.getScene().getWindow() != null
                            && view.getScene().getWindow().isShowing() && view.isVisible()
                            && onScreen(view)) {
                        controller.refresh();
                    }
                }));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        view.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        return tab;
    }

    /** What needs a manager at the store, read when the tab is chosen. */
    public static Tab moneySettingsTab(MoneyOffice office, Background background, MoneyTexts texts) {
        javafx.fxml.FXMLLoader loader = load("MoneySettingsView.fxml");
        MoneySettingsController controller = loader.getController();
        controller.bind(new MoneySettingsViewModel(office, background, texts));
        return readWhenChosen(new Tab(texts.moneySettingsTab(), loader.getRoot()), "tab-money-settings",
                controller::refresh);
    }

    /** The org's vouchers, read when the tab is chosen. */
    public static Tab vouchersTab(MoneyOffice office, Background background, MoneyTexts texts, ZoneId zone,
                                  String currency) {
        javafx.fxml.FXMLLoader loader = load("VouchersView.fxml");
        VouchersController controller = loader.getController();
        controller.bind(new VouchersViewModel(office, background, texts, LocalDate.now(zone)), texts, currency);
        return readWhenChosen(new Tab(texts.vouchersTab(), loader.getRoot()), "tab-vouchers", controller::refresh);
    }

    private static javafx.fxml.FXMLLoader load(String fxml) {
        javafx.fxml.FXMLLoader loader = io.brigade.desktop.i18n.Texts.loader(MoneyOfficeView.class, fxml);
        try {
            loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load " + fxml, e);
        }
        return loader;
    }

    /** A tab the back office reads (its user data) each time it comes into view. */
    private static Tab readWhenChosen(Tab tab, String id, Runnable read) {
        tab.setId(id);
        tab.setUserData(read);
        return tab;
    }

    /** The node and every parent visible (the back office's workspace on screen, its group chosen). */
    private static boolean onScreen(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
