package io.brigade.desktop.money;

import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Messages;
import io.brigade.protocol.money.ApprovalPending;
import java.util.List;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The office's answers to the tills' requests for a manager: what waits (read again while the tab is on screen), and
 * the signed-in manager's approval or refusal of one, with their reason. A request the till withdrew, or another
 * manager answered meanwhile, is refused by the store server with why; the list is read again after every answer.
 */
public final class OfficeApprovalsViewModel {
    private final MoneyOffice office;
    private final Background background;
    private final MoneyTexts texts;
    private final ReadOnlyListWrapper<ApprovalPending> requests =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Messages.Look> look = new ReadOnlyObjectWrapper<>(Messages.Look.DONE);

    public OfficeApprovalsViewModel(MoneyOffice office, Background background, MoneyTexts texts) {
        this.office = office;
        this.background = background;
        this.texts = texts;
    }

    /** Reads what waits for a manager. */
    public void refresh() {
        background.run(office::pendingApprovals, this::show, e -> say(Messages.Look.REFUSED, Refusals.describe(e)));
    }

    /** Approves {@code request} with the reason typed; the till goes on at once. */
    public void approve(ApprovalPending request) {
        answer(request, true);
    }

    /** Refuses {@code request} with the reason typed; the till says so. */
    public void refuse(ApprovalPending request) {
        answer(request, false);
    }

    private void answer(ApprovalPending request, boolean approve) {
        if (request == null) {
            say(Messages.Look.REFUSED, texts.chooseRequest());
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            say(Messages.Look.REFUSED, texts.reasonRequired());
            return;
        }
        background.run(() -> approve ? office.approveRequest(request.requestId(), why)
                : office.refuseRequest(request.requestId(), why), answered -> {
                    reason.set("");
                    say(Messages.Look.DONE, approve ? texts.requestApproved(answered.deviceName())
                            : texts.requestRefused(answered.deviceName()));
                    refresh();
                }, e -> {
                    say(Messages.Look.REFUSED, Refusals.describe(e));
                    refresh();
                });
    }

    private void show(List<ApprovalPending> waiting) {
        requests.setAll(waiting);
    }

    private void say(Messages.Look how, String text) {
        look.set(how);
        message.set(text);
    }

    public ReadOnlyListProperty<ApprovalPending> requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    /** The manager's reason for the next answer (the form's input). */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages.Look> lookProperty() {
        return look.getReadOnlyProperty();
    }
}
