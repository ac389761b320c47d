package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A modifier group being edited: its caption, how many options a customer picks (min/max), and its options. */
public final class GroupDraft {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    private final ModifierGroup original;
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty min = new SimpleStringProperty("");
    private final StringProperty max = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<ItemDraft> options = FXCollections.observableArrayList();

    public GroupDraft(ModifierGroup group) {
        this.original = group;
        caption.set(group.caption() == null ? "" : group.caption());
        min.set(group.min() == null ? "" : String.valueOf(group.min()));
        max.set(group.max() == null ? "" : String.valueOf(group.max()));
        if (group.items() != null) {
            group.items().forEach(o -> options.add(new ItemDraft(group.id(), o)));
        }
    }

    /** The group as it will be saved; {@code problems} collects what cannot be read (a min that is not a number). */
    ModifierGroup toGroup(List<String> problems, List<List<String>> optionProblems) {
        List<MenuItem> items = new ArrayList<>();
        for (ItemDraft option : options) {
            List<String> p = new ArrayList<>();
            items.add(option.toItem(p));
            optionProblems.add(p);
        }
        return new ModifierGroup(original.id(), caption.get() == null ? null : caption.get().strip(),
                count(min.get(), TEXTS.fieldMin(), problems), count(max.get(), TEXTS.fieldMax(), problems), items);
    }

    private static Integer count(String text, String what, List<String> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null; // the server's defaults: min 0, max at least 1
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(TEXTS.notAWholeNumber(what, t));
            return null;
        }
    }

    public ModifierGroup original() {
        return original;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public StringProperty minProperty() {
        return min;
    }

    public StringProperty maxProperty() {
        return max;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<ItemDraft> options() {
        return options;
    }
}
