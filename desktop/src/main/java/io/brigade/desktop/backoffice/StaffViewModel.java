package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.Data;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.protocol.staff.StaffMember;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Staff on the server: list, add with a role and a PIN, remove. The server checks names, roles and PINs;
 * its message is what the manager reads. Tills pick the change up with their next sync.
 */
public final class StaffViewModel {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    private static final TypeReference<Data<List<StaffMember>>> STAFF = new TypeReference<>() { };
    private final BackOfficeClient office;
    private final Background background;
    private final ObservableList<StaffMember> members = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper lastAddSucceeded = new ReadOnlyBooleanWrapper(false);

    public StaffViewModel(BackOfficeClient office, Background background) {
        this.office = office;
        this.background = background;
    }

    public void refresh() {
        background.run(() -> office.get("staff", STAFF).data(), members::setAll,
                e -> message.set(Refusals.describe(e)));
    }

    /** Adds a member; the role is the server's name for it (CASHIER, KITCHEN, MANAGER). */
    public void add(String name, String role, String pin) {
        lastAddSucceeded.set(false);
        background.run(() -> {
            office.post("staff", new NewStaffMember(name, role, pin), StaffMember.class);
            return office.get("staff", STAFF).data();
        }, list -> {
            members.setAll(list);
            message.set(TEXTS.memberAdded(name.strip()));
            lastAddSucceeded.set(true);
        }, e -> message.set(Refusals.describe(e)));
    }

    public void remove(StaffMember member) {
        background.run(() -> {
            office.delete("staff/" + member.staffId());
            return office.get("staff", STAFF).data();
        }, list -> {
            members.setAll(list);
            message.set(TEXTS.memberRemoved(member.name()));
        }, e -> message.set(Refusals.describe(e)));
    }

    public ObservableList<StaffMember> members() {
        return members;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True after an add the server accepted, so the form can clear itself (and keep the input otherwise). */
    public ReadOnlyBooleanProperty lastAddSucceededProperty() {
        return lastAddSucceeded.getReadOnlyProperty();
    }
}
