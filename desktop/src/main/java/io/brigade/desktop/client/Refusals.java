package io.brigade.desktop.client;

import java.io.IOException;

/** Words for a failed back-office call, fit to show a manager. */
public final class Refusals {
    private Refusals() {
    }

    public static String describe(Throwable e) {
        if (e instanceof BackOfficeException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "Could not reach the server: " + e.getMessage();
        }
        return "Something went wrong: " + e;
    }

    /** A 403 whose detail names a plan: the tier gate, not a role refusal. */
    public static boolean isTierGate(Throwable e) {
        return e instanceof BackOfficeException b && b.status() == 403 && b.getMessage() != null
                && b.getMessage().contains(" plan");
    }
}
