package io.brigade.desktop.client;

import io.brigade.desktop.i18n.Texts;
import java.io.IOException;

/** Words for a failed back-office call, fit to show a manager. */
public final class Refusals {
    private static final ClientTexts TEXTS = Texts.of(ClientTexts.class);

    private Refusals() {
    }

    public static String describe(Throwable e) {
        if (e instanceof BackOfficeException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return TEXTS.unreachable(e.getMessage());
        }
        return TEXTS.failed(String.valueOf(e));
    }

    /** A 403 whose detail names a plan: the tier gate, not a role refusal. */
    public static boolean isTierGate(Throwable e) {
        return e instanceof BackOfficeException b && b.status() == 403 && b.getMessage() != null
                && b.getMessage().contains(" plan");
    }
}
