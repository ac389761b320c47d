package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.staff.StaffRole;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** The staff tab: binds the list and the add form to {@link StaffViewModel}. */
public final class StaffController {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    @FXML private TextField name;
    @FXML private ComboBox<StaffRole> role;
    @FXML private PasswordField pin;
    @FXML private TableView<StaffMember> table;
    @FXML private TableColumn<StaffMember, String> nameColumn;
    @FXML private TableColumn<StaffMember, String> roleColumn;
    @FXML private TableColumn<StaffMember, String> addedColumn;
    @FXML private Button remove;
    @FXML private Label message;
    private StaffViewModel model;

    public void bind(StaffViewModel model) {
        this.model = model;
        table.setItems(model.members());
        Cells.text(nameColumn, StaffMember::name);
        Cells.text(roleColumn, m -> label(m.role()));
        Cells.text(addedColumn, m -> Cells.time(m.createdAt()));
        role.getItems().setAll(StaffRole.values());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(StaffRole r) {
                return r == null ? "" : label(r);
            }

            @Override
            public StaffRole fromString(String s) {
                return StaffRole.parse(s).orElse(null);
            }
        });
        role.getSelectionModel().select(StaffRole.CASHIER);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        message.textProperty().bind(model.messageProperty());
        model.lastAddSucceededProperty().addListener((o, was, added) -> {
            if (added) {
                name.clear();
                pin.clear();
            }
        });
    }

    private static String label(StaffRole r) {
        String n = r.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onAdd() {
        StaffRole chosen = role.getValue();
        model.add(name.getText(), chosen == null ? null : chosen.name(), pin.getText());
    }

    @FXML
    private void onRemove() {
        StaffMember m = table.getSelectionModel().getSelectedItem();
        if (m != null && Confirm.ask(table.getScene().getWindow(), TEXTS.removeQuestion(m.name()),
                TEXTS.removeDetail(m.name()), TEXTS.removeAction())) {
            model.remove(m);
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }
}
