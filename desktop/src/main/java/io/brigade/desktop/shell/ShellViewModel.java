package io.brigade.desktop.shell;

import io.brigade.desktop.fx.Workspace;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
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
    private static final ShellTexts TEXTS = Texts.of(ShellTexts.class);
    private final ZoneId zone;
    private final ObjectProperty<StaffMember> staff = new SimpleObjectProperty<>();
    private final BooleanProperty online = new SimpleBooleanProperty(false);
    private final StringProperty connection = new SimpleStringProperty(TEXTS.connecting());
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final IntegerProperty needsAttention = new SimpleIntegerProperty(0);
    private final StringProperty notice = new SimpleStringProperty("");

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
        connection.set(s.revoked() != null ? TEXTS.removedFromStore() : s.online() ? TEXTS.online() : TEXTS.offline());
        waiting.set(s.pendingSales() == 0 ? TEXTS.noSalesWaiting() : TEXTS.salesWaiting(s.pendingSales()));
        lastSync.set(s.lastSync() == null ? TEXTS.neverSynced() : TEXTS.lastSync(time(s.lastSync())));
        needsAttention.set(s.needsAttention());
    }

    private String time(Instant t) {
        return Formats.now().timeWithSeconds(t, zone);
    }

    /** Tells the signed-in member something about their own choices (their language was not kept, say). */
    public void notice(String text) {
        notice.set(text);
    }

    public StringProperty noticeProperty() {
        return notice;
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
