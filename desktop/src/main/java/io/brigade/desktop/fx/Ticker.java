package io.brigade.desktop.fx;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Runs something every so often while a screen is in a window, and not when it is not: a screen built again (in
 * another language) leaves its old ticker stopped instead of running it for nothing.
 */
public final class Ticker {
    private Ticker() {
    }

    public static Timeline whileShown(Node screen, Duration every, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(every, e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        if (screen.getScene() != null) {
            timeline.play();
        }
        screen.sceneProperty().addListener((o, before, after) -> {
            if (after == null) {
                timeline.stop();
            } else {
                timeline.play();
            }
        });
        return timeline;
    }
}
