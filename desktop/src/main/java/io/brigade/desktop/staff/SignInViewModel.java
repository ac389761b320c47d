package io.brigade.desktop.staff;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.local.StaffRepository;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.StaffSession;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The PIN pad: digits typed, the check against this terminal's staff, and the message when it fails. A PIN this
 * terminal does not know yet is asked of the store server (staff added since the last sync, a PC that has just
 * joined), which also says when sign-in is locked after too many wrong PINs. A manager who signs in with the
 * one-time PIN of a new store chooses their own PIN before anything else.
 */
public final class SignInViewModel {
    private static final StaffTexts TEXTS = Texts.of(StaffTexts.class);
    private final StaffRepository staff;
    private final BackOfficeClient office;
    private final Background background;
    private final BiConsumer<StaffMember, String> onSignedIn;
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper choosingPin = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper choosingFor = new ReadOnlyStringWrapper("");

    /**
     * {@code onSignedIn} hears who signed in and the PIN they used, which opens their back-office session;
     * {@code office} (null: none) is the store server asked about PINs this terminal does not know.
     */
    public SignInViewModel(StaffRepository staff, BackOfficeClient office, Background background,
                           BiConsumer<StaffMember, String> onSignedIn) {
        this.staff = staff;
        this.office = office;
        this.background = background;
        this.onSignedIn = onSignedIn;
    }

    public SignInViewModel(StaffRepository staff, Background background, BiConsumer<StaffMember, String> onSignedIn) {
        this(staff, null, background, onSignedIn);
    }

    /** What a sign-in came to. */
    private sealed interface Outcome {
        record In(StaffMember who) implements Outcome {
        }

        record ChoosePin(String name) implements Outcome {
        }

        record Refused(String why) implements Outcome {
        }
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
            message.set(TEXTS.pinTooShort());
            return;
        }
        checking.set(true);
        background.run(() -> check(typed), outcome -> {
            checking.set(false);
            pin.set("");
            if (outcome instanceof Outcome.In in) {
                message.set("");
                onSignedIn.accept(in.who(), typed);
            } else if (outcome instanceof Outcome.ChoosePin choose) {
                message.set("");
                choosingFor.set(choose.name());
                choosingPin.set(true);
            } else {
                message.set(((Outcome.Refused) outcome).why());
            }
        }, e -> {
            checking.set(false);
            message.set(TEXTS.cannotCheckPin(e.getMessage()));
        });
    }

    private Outcome check(String typed) {
        Optional<StaffMember> local = staff.signIn(typed);
        if (local.isPresent() && (office == null || local.get().role() != Role.MANAGER)) {
            return new Outcome.In(local.get());
        }
        if (office == null) {
            return new Outcome.Refused(TEXTS.unknownPin());
        }
        try {
            StaffSession session = office.signIn(typed);
            if (session.pinChangeRequired()) {
                return new Outcome.ChoosePin(session.name());
            }
            return new Outcome.In(local.orElseGet(() -> member(session)));
        } catch (BackOfficeException refused) {
            if (local.isPresent() && refused.status() == 401) {
                // The store server has a newer PIN for this manager than this terminal: the server's word counts.
                return new Outcome.Refused(TEXTS.unknownPin());
            }
            return new Outcome.Refused(refused.status() == 401 ? TEXTS.unknownPin() : sentence(refused));
        } catch (IOException unreachable) {
            // Offline: this terminal's own staff list decides, as it always has.
            return local.<Outcome>map(Outcome.In::new).orElse(new Outcome.Refused(TEXTS.unknownPin()));
        }
    }

    /**
     * Saves the PIN a manager chose at their first sign-in ({@code pin}, typed twice) and signs them in with it.
     * A PIN that is not 4 to 8 digits, or two that differ, change nothing and say so.
     */
    public void choosePin(String first, String second) {
        String a = first == null ? "" : first.strip();
        if (!PinDigest.isWellFormed(a)) {
            message.set(TEXTS.pinLength());
            return;
        }
        if (!a.equals(second == null ? "" : second.strip())) {
            message.set(TEXTS.pinsDiffer());
            return;
        }
        checking.set(true);
        background.run(() -> {
            office.choosePin(a);
            return office.signIn(a);
        }, session -> {
            checking.set(false);
            choosingPin.set(false);
            message.set("");
            onSignedIn.accept(staff.signIn(a).orElseGet(() -> member(session)), a);
        }, e -> {
            checking.set(false);
            message.set(e instanceof BackOfficeException b ? sentence(b)
                    : TEXTS.cannotReachStore(e.getMessage()));
        });
    }

    /** Leaves choosing a PIN: back to the PIN pad, nothing changed. */
    public void cancelChoosing() {
        choosingPin.set(false);
        message.set("");
        office.forget();
    }

    private static StaffMember member(StaffSession session) {
        return new StaffMember(session.staffId(), session.name(), Role.valueOf(session.role().name()));
    }

    private static String sentence(BackOfficeException e) {
        String m = e.getMessage() == null ? TEXTS.storeRefused() : e.getMessage().strip();
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** True while a manager who signed in with a one-time PIN chooses their own. */
    public ReadOnlyBooleanProperty choosingPinProperty() {
        return choosingPin.getReadOnlyProperty();
    }

    /** The name of whoever is choosing their PIN. */
    public ReadOnlyStringProperty choosingForProperty() {
        return choosingFor.getReadOnlyProperty();
    }
}
