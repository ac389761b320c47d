package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before something that cannot be undone (revoking a key, removing a member). */
final class Confirm {
    private Confirm() {
    }

    /** True when the manager pressed {@code action}; the dialog's buttons say what they do. */
    static boolean ask(Window owner, String question, String detail, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(Texts.of(BackOfficeTexts.class).keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, yes, no);
        alert.initOwner(owner);
        alert.setHeaderText(question);
        alert.getDialogPane().lookupButton(yes).setId("confirmAction");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }
}
