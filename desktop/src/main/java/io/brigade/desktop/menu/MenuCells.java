package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.util.StringConverter;

/** Table and style helpers the menu workspace's panes share. */
final class MenuCells {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    private MenuCells() {
    }

    static TableRow<ItemDraft> errorRow() {
        return new TableRow<>() {
            private final javafx.beans.value.ChangeListener<String> watch = (o, a, b) -> update();

            @Override
            protected void updateItem(ItemDraft d, boolean empty) {
                if (getItem() != null) {
                    getItem().errorProperty().removeListener(watch);
                }
                super.updateItem(d, empty);
                if (d != null && !empty) {
                    d.errorProperty().addListener(watch);
                }
                update();
            }

            private void update() {
                style(this, "has-error", getItem() != null && !isEmpty() && !getItem().errorProperty().get().isEmpty());
            }
        };
    }

    static TableColumn<ItemDraft, String> problemColumn() {
        TableColumn<ItemDraft, String> c = column(TEXTS.problem(), 280, ItemDraft::errorProperty);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("problem-cell");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("problem-cell");
                }
            }
        });
        return c;
    }

    static TableColumn<ItemDraft, String> column(String title, double width,
                                                        Function<ItemDraft, ObservableValue<String>> value) {
        TableColumn<ItemDraft, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setPrefWidth(width);
        return c;
    }


    /** The gross margin the typed price and cost give, as a percentage of the price. */
    static String margin(String price, String cost) {
        try {
            BigDecimal p = new BigDecimal(price.strip());
            BigDecimal c = new BigDecimal(cost.strip());
            if (p.signum() <= 0) {
                return "";
            }
            return p.subtract(c).multiply(BigDecimal.valueOf(100)).divide(p, 0, RoundingMode.HALF_UP) + " %";
        } catch (RuntimeException e) {
            return "";
        }
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    static void style(javafx.scene.Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }
}
