package io.brigade.desktop.backoffice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

/** Table column helpers for the back-office screens: text from a row, times in this PC's time zone. */
final class Cells {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

    private Cells() {
    }

    static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    }

    /** A time as the manager reads it, or a dash for never. */
    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}
