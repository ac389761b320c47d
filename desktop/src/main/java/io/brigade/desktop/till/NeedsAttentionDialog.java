package io.brigade.desktop.till;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** What the server refused, with its reason: a manager sends it again after fixing the cause, or voids it. */
public final class NeedsAttentionDialog {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);

    private NeedsAttentionDialog() {
    }

    public static void show(Window owner, CheckoutService checkout, StaffMember staff, Background background) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TEXTS.needsAttentionTitle());
        dialog.setHeaderText(TEXTS.needsAttentionHeader());
        ListView<OutboxEntry> list = new ListView<>();
        list.setId("needsAttentionList");
        list.setPrefSize(680, 300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OutboxEntry e, boolean empty) {
                super.updateItem(e, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || e == null ? null : kind(e.kind()) + what(e)
                        + (e.displayId() == null ? "" : " #" + e.displayId())
                        + (e.total() == null ? "" : "  " + Money.format(e.total())) + "\n" + e.lastError());
            }
        });
        Label message = new Label(staff.isManager() ? "" : TEXTS.askManagerToRetry());
        message.getStyleClass().add("error-text");
        Runnable reload = () -> background.run(checkout::needsAttention, list.getItems()::setAll,
                e -> message.setText(e.getMessage()));
        BiConsumer<String, BiConsumer<OutboxEntry, StaffMember>> act = (done, action) -> {
            OutboxEntry entry = list.getSelectionModel().getSelectedItem();
            if (entry == null) {
                message.setText(TEXTS.chooseOneFirst());
                return;
            }
            background.run(() -> {
                action.accept(entry, staff);
                return List.of();
            }, ok -> {
                message.setText(done);
                reload.run();
            }, failure -> message.setText(failure.getMessage()));
        };
        Button retry = new Button(TEXTS.sendAgain());
        retry.setId("retryParked");
        retry.setOnAction(e -> act.accept(TEXTS.queuedAgain(), checkout::retry));
        Button voidIt = new Button(TEXTS.voidEntry());
        voidIt.setId("voidParked");
        voidIt.getStyleClass().add("danger");
        voidIt.setOnAction(e -> act.accept(TEXTS.voided(), checkout::voidParked));
        retry.setDisable(!staff.isManager());
        voidIt.setDisable(!staff.isManager());
        dialog.getDialogPane().setContent(new VBox(10, list, new HBox(8, retry, voidIt), message));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        reload.run();
        dialog.showAndWait();
    }

    /** A check operation's description in the till's words, when it was queued with one (a merge, a transfer). */
    private static String what(OutboxEntry e) {
        if (e.kind() != OutboxEntry.Kind.CHECK) {
            return "";
        }
        try {
            String what = io.brigade.protocol.Json.mapper().readTree(e.payload())
                    .path(io.brigade.desktop.tables.CheckBook.WHAT).asText("");
            return what.isEmpty() ? "" : ": " + what;
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return "";
        }
    }

    private static String kind(OutboxEntry.Kind kind) {
        return switch (kind) {
            case SALE -> TEXTS.kindSale();
            case CANCEL -> TEXTS.kindCancel();
            case EVENT -> TEXTS.kindEvent();
            case CHECK -> TEXTS.kindCheck();
            case MONEY -> TEXTS.kindMoney();
        };
    }
}
