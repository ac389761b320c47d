package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

/** Table column helpers for the back-office screens: text from a row, times in this PC's time zone as the language spoken writes them. */
final class Cells {
    private Cells() {
    }

    static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }

    /** A time as the manager reads it, or a dash for never. */
    static String time(Instant at) {
        return at == null ? "—" : Formats.now().mediumDateTime(at, ZoneId.systemDefault());
    }
}
