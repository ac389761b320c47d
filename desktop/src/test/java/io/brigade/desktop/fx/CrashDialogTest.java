package io.brigade.desktop.fx;

import io.brigade.desktop.i18n.Texts;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class CrashDialogTest {

    @BeforeEach
    void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anErrorInAnAnimationIsShownInTheErrorDialog() throws Exception {
        FxToolkit.setupFixture(() -> new Timeline(new KeyFrame(Duration.millis(10),
                e -> CrashDialog.show(new IllegalStateException("thrown by an animation")))).play());

        String title = Texts.of(FxTexts.class).crashTitle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w instanceof Stage stage && title.equals(stage.getTitle())));
    }
}
