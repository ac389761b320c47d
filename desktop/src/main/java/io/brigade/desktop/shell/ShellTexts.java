package io.brigade.desktop.shell;

import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.i18n.Bundle;

/** The window frame's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface ShellTexts {
    String appName();

    String starting();

    String couldNotStart(String why);

    String demoPins();

    String builtInServer();

    String thisPcJoined(String device, String role, String store);

    String joinedAs(String role, String store);

    String deviceTill();

    String deviceKitchenScreen();

    String deviceOffice();

    String staffWithRole(String name, String role);

    String needsAttention(int count);

    String connecting();

    String online();

    String offline();

    String removedFromStore();

    String noSalesWaiting();

    String salesWaiting(int count);

    String neverSynced();

    String lastSync(String time);

    String workspaceTill();

    String workspaceKitchen();

    String workspaceDashboard();

    String workspaceMenu();

    String workspaceBackOffice();

    String roleCashier();

    String roleKitchen();

    String roleManager();

    String terminalLanguage(String language);

    String languageNotKept(String why);

    default String workspace(Workspace w) {
        return switch (w) {
            case TILL -> workspaceTill();
            case KITCHEN -> workspaceKitchen();
            case DASHBOARD -> workspaceDashboard();
            case MENU -> workspaceMenu();
            case BACK_OFFICE -> workspaceBackOffice();
        };
    }

    default String role(Role r) {
        return switch (r) {
            case CASHIER -> roleCashier();
            case KITCHEN -> roleKitchen();
            case MANAGER -> roleManager();
        };
    }
}
