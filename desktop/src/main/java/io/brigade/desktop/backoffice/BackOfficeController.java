package io.brigade.desktop.backoffice;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;

/**
 * The back-office workspace: one tab per tool, in three groups (the store, money, integrations), each group a row of
 * tabs of its own so that every tab's name is readable on a 1024 px screen. A tab reads fresh data when it comes into
 * view (the workspace is shown, or the manager switches groups or tabs); the jobs tab keeps polling while in view.
 */
public final class BackOfficeController {
    private static final Duration TICK = Duration.seconds(1);
    private static final int JOB_POLL_TICKS = 2;

    @FXML private TabPane groups;
    @FXML private TabPane storeTabs;
    @FXML private TabPane moneyTabs;
    @FXML private TabPane integrationTabs;
    @FXML private Tab apiKeysTab;
    @FXML private Tab webhooksTab;
    @FXML private Tab jobsTab;
    @FXML private Tab staffTab;
    @FXML private ApiKeysController apiKeysController;
    @FXML private WebhooksController webhooksController;
    @FXML private JobsController jobsController;
    @FXML private StaffController staffController;
    @FXML private Tab kitchenStationsTab;
    @FXML private Tab devicesTab;
    @FXML private DevicesController devicesController;
    @FXML private Tab terminalTab;
    @FXML private Tab storeTab;
    @FXML private Tab printersTab;
    @FXML private Tab floorTab;
    /** The tab read since the workspace came into view: each opening reads a tab once, never twice. */
    private Tab read;
    private int ticks;
    private Timeline watch;
    private Runnable onWindowClosed = () -> { };
    private boolean closeHooked;

    /**
     * {@code kitchenStations} is the kitchen's stations editor; {@code terminal} is the terminal settings form shown
     * in the last tab; {@code onWindowClosed} runs once the app's window is closed (it stops the workspace's worker).
     */
    public void bind(ApiKeysViewModel apiKeys, WebhooksViewModel webhooks, JobsViewModel jobs, StaffViewModel staff,
                     DevicesViewModel devices, Node kitchenStations, Node terminal, java.time.ZoneId businessZone,
                     Runnable onWindowClosed) {
        this.onWindowClosed = onWindowClosed;
        kitchenStationsTab.setContent(kitchenStations);
        terminalTab.setContent(terminal);
        apiKeysController.bind(apiKeys);
        webhooksController.bind(webhooks);
        jobsController.bind(jobs, businessZone);
        staffController.bind(staff);
        devicesController.bind(devices);
        for (TabPane pane : new TabPane[] {groups, storeTabs, moneyTabs, integrationTabs}) {
            pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (showing()) {
                    opened(shown());
                }
            });
        }
        watch = new Timeline(new KeyFrame(TICK, e -> tick()));
        watch.setCycleCount(Timeline.INDEFINITE);
        watch.play();
    }

    private Runnable refreshStore = () -> { };
    private Runnable refreshPrinters = () -> { };

    /**
     * The store's settings editor and its printers tab, from their features, each with what reads it fresh from the
     * server when its tab is opened.
     */
    public void store(Node settings, Runnable refreshSettings, Node printers, Runnable refreshPrinterList) {
        storeTab.setContent(settings);
        printersTab.setContent(printers);
        this.refreshStore = refreshSettings;
        this.refreshPrinters = refreshPrinterList;
    }

    private Runnable refreshFloor = () -> { };

    /** The store's floor plan editor, from table service, with what reads the plan fresh when its tab is opened. */
    public void floor(Node editor, Runnable refresh) {
        floorTab.setContent(editor);
        this.refreshFloor = refresh;
    }

    /** The tab on screen: the chosen group's chosen tab. */
    private Tab shown() {
        Tab group = groups.getSelectionModel().getSelectedItem();
        if (group != null && group.getContent() instanceof TabPane inner) {
            return inner.getSelectionModel().getSelectedItem();
        }
        return group;
    }

    private void tick() {
        if (!closeHooked && groups.getScene() != null && groups.getScene().getWindow() != null) {
            closeHooked = true;
            groups.getScene().getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> stop());
        }
        boolean now = showing();
        Tab selected = shown();
        if (!now) {
            read = null;
        } else if (selected != read) {
            // The workspace came into view (a tab opened while it did was read by the selection's listener).
            opened(selected);
            ticks = 0;
        } else if (selected == jobsTab && ++ticks % JOB_POLL_TICKS == 0) {
            jobsController.refresh();
        }
    }

    private void opened(Tab tab) {
        read = tab;
        refresh(tab);
    }

    private void refresh(Tab tab) {
        if (tab == apiKeysTab) {
            apiKeysController.refresh();
        } else if (tab == webhooksTab) {
            webhooksController.refresh();
        } else if (tab == jobsTab) {
            jobsController.refresh();
        } else if (tab == staffTab) {
            staffController.refresh();
        } else if (tab == devicesTab) {
            devicesController.refresh();
        } else if (tab == storeTab) {
            refreshStore.run();
        } else if (tab == printersTab) {
            refreshPrinters.run();
        } else if (tab == floorTab) {
            refreshFloor.run();
        } else if (tab != null && tab.getUserData() instanceof Runnable read) {
            // A feature's tab added by the shell (money control's) says how it is read.
            read.run();
        }
    }

    /** True while the workspace is on screen: in a showing window, and it and every parent visible. */
    private boolean showing() {
        if (groups.getScene() == null || groups.getScene().getWindow() == null
                || !groups.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = groups; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Stops watching and lets the workspace's worker go (the app's window has closed). */
    public void stop() {
        if (watch != null) {
            watch.stop();
            watch = null;
            onWindowClosed.run();
        }
    }
}
