package io.brigade.desktop.backoffice;

import java.io.IOException;

/** The server refused a back-office call; the message is the problem's detail, fit to show a manager. */
public final class BackOfficeException extends IOException {
    private final int status;

    public BackOfficeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, e.g. 403 for a tier gate or a role that may not do this. */
    public int status() {
        return status;
    }
}
