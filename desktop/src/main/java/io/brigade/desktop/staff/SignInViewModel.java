package io.brigade.desktop.staff;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.local.StaffRepository;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The PIN pad: digits typed, the check against this terminal's staff, and the message when it fails. */
public final class SignInViewModel {
    private final StaffRepository staff;
    private final Background background;
    private final BiConsumer<StaffMember, String> onSignedIn;
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty(false);

    /** {@code onSignedIn} hears who signed in and the PIN they used, which opens their back-office session. */
    public SignInViewModel(StaffRepository staff, Background background, BiConsumer<StaffMember, String> onSignedIn) {
        this.staff = staff;
        this.background = background;
        this.onSignedIn = onSignedIn;
    }

    public void digit(int d) {
        if (pin.get().length() < 8) {
            pin.set(pin.get() + d);
        }
    }

    public void clear() {
        pin.set("");
    }

    public void signIn() {
        String typed = pin.get();
        if (typed.length() < 4) {
            message.set("A PIN has at least 4 digits");
            return;
        }
        checking.set(true);
        background.run(() -> staff.signIn(typed), (Optional<StaffMember> who) -> {
            checking.set(false);
            pin.set("");
            if (who.isPresent()) {
                message.set("");
                onSignedIn.accept(who.get(), typed);
            } else {
                message.set("Unknown PIN. Try again.");
            }
        }, e -> {
            checking.set(false);
            message.set("Cannot check the PIN: " + e.getMessage());
        });
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }
}
