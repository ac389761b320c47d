package io.brigade.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private final ShellViewModel shell = new ShellViewModel(ZoneOffset.UTC);

    @Test
    void eachRoleSeesOnlyItsWorkspaces() {
        assertEquals(List.of(), shell.workspaces());
        shell.staffProperty().set(new StaffMember("1", "Ciara", Role.CASHIER));
        assertEquals(List.of(Workspace.TILL), shell.workspaces());
        shell.staffProperty().set(new StaffMember("2", "Kevin", Role.KITCHEN));
        assertEquals(List.of(Workspace.KITCHEN), shell.workspaces());
        shell.staffProperty().set(new StaffMember("3", "Maeve", Role.MANAGER));
        assertEquals(List.of(Workspace.TILL, Workspace.KITCHEN, Workspace.DASHBOARD, Workspace.MENU, Workspace.BACK_OFFICE),
                shell.workspaces());
    }

    @Test
    void statusBarSaysOfflineHowManySalesWaitAndWhenTheLastSyncWas() {
        shell.apply(new SyncStatus(false, 3, 1, Instant.parse("2026-11-23T09:15:42Z"), "connection refused"));
        assertFalse(shell.onlineProperty().get());
        assertEquals("Offline: sales are kept on this till", shell.connectionProperty().get());
        assertEquals("3 sales waiting to sync", shell.waitingProperty().get());
        assertEquals("Last sync 09:15:42", shell.lastSyncProperty().get());
        assertEquals(1, shell.needsAttentionProperty().get());

        shell.apply(new SyncStatus(true, 0, 0, null, null));
        assertEquals("Online", shell.connectionProperty().get());
        assertEquals("No sales waiting", shell.waitingProperty().get());
        assertEquals("Never synced", shell.lastSyncProperty().get());
    }
}
