package io.brigade.desktop.support;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens a tab of the back office by its id, whichever group it is in (the back office workspace must be shown). */
public final class BackOfficeTabs {
    private BackOfficeTabs() {
    }

    /** Selects the back-office workspace, the group holding tab {@code id} and the tab itself. */
    public static void open(FxRobot robot, String id) {
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getTabs().stream().filter(t -> "workspace-back_office".equals(t.getId()))
                .findFirst().ifPresent(t -> workspaces.getSelectionModel().select(t)));
        TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
        robot.interact(() -> {
            if (!select(office, id)) {
                throw new AssertionError("no back-office tab " + id);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean select(TabPane pane, String id) {
        for (Tab tab : pane.getTabs()) {
            if (id.equals(tab.getId())) {
                pane.getSelectionModel().select(tab);
                return true;
            }
            if (tab.getContent() instanceof TabPane inner && select(inner, id)) {
                pane.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }
}
