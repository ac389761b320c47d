package io.brigade.desktop.shell;

import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The window around the workspaces: who is signed in, what they may open, and the sync status bar. */
public final class ShellViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ZoneId zone;
    private final ObjectProperty<StaffMember> staff = new SimpleObjectProperty<>();
    private final BooleanProperty online = new SimpleBooleanProperty(false);
    private final StringProperty connection = new SimpleStringProperty("Connecting…");
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final IntegerProperty needsAttention = new SimpleIntegerProperty(0);

    public ShellViewModel(ZoneId zone) {
        this.zone = zone;
    }

    /** The workspaces the signed-in role may open, in display order. */
    public List<Workspace> workspaces() {
        StaffMember who = staff.get();
        if (who == null) {
            return List.of();
        }
        return Arrays.stream(Workspace.values()).filter(openTo(who.role())::contains).toList();
    }

    /** Cashiers see the till, the kitchen its display, managers everything. */
    static Set<Workspace> openTo(Role role) {
        return switch (role) {
            case CASHIER -> EnumSet.of(Workspace.TILL);
            case KITCHEN -> EnumSet.of(Workspace.KITCHEN);
            case MANAGER -> EnumSet.allOf(Workspace.class);
        };
    }

    /** Applies a status report from the sync worker (call on the FX thread). */
    public void apply(SyncStatus s) {
        online.set(s.online() && s.revoked() == null);
        connection.set(s.revoked() != null ? "A manager removed this PC from the store: new sales are no longer "
                + "accepted. Sales rung before the removal are still handed in."
                : s.online() ? "Online" : "Offline: sales are kept on this till");
        waiting.set(s.pendingSales() == 0 ? "No sales waiting"
                : s.pendingSales() + (s.pendingSales() == 1 ? " sale" : " sales") + " waiting to sync");
        lastSync.set(s.lastSync() == null ? "Never synced" : "Last sync " + time(s.lastSync()));
        needsAttention.set(s.needsAttention());
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    public ObjectProperty<StaffMember> staffProperty() {
        return staff;
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty waitingProperty() {
        return waiting;
    }

    public StringProperty lastSyncProperty() {
        return lastSync;
    }

    public IntegerProperty needsAttentionProperty() {
        return needsAttention;
    }
}
