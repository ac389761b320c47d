package io.brigade.desktop.fx;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;

/** Helpers for lists on screen. */
public final class Lists {
    private Lists() {
    }

    /**
     * Keeps the newest line of {@code list} in view whenever the list grows (by several lines at once too; a line
     * changed in place leaves the view where it is). The scroll is
     * made after the next layouts, not at once: a list of wrapped lines knows its cells' heights only once laid out,
     * and a scroll made before that lands on an estimate (the top of the list, seen at 1024x768).
     */
    public static void keepNewestInView(ListView<?> list) {
        // A list given more or less height (the pane shared anew, the window resized) shows its newest line too.
        list.heightProperty().addListener((o, was, now) -> scrollToNewest(list));
        list.getItems().addListener((ListChangeListener<Object>) change -> {
            while (change.next()) {
                if (change.getAddedSize() > change.getRemovedSize()) {
                    scrollToNewest(list);
                    return;
                }
            }
        });
    }

    /** Shows the list's last line, after the layout passes that measure its cells. */
    public static void scrollToNewest(ListView<?> list) {
        Scene scene = list.getScene();
        if (scene == null) {
            Platform.runLater(() -> {
                if (list.getScene() != null) {
                    scrollToNewest(list);
                }
            });
            return;
        }
        int[] passes = {3};
        Runnable[] after = new Runnable[1];
        after[0] = () -> {
            if (!list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
            if (--passes[0] <= 0) {
                scene.removePostLayoutPulseListener(after[0]);
            } else {
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(after[0]);
        Platform.requestNextPulse();
    }
}
