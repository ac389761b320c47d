package io.brigade.desktop.printing;

import io.brigade.protocol.store.StorePrinter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;

/**
 * Hands a job's bytes to one printer, the way it is connected, and says whether it took them.
 *
 * <p>On a raw TCP socket a job counts as printed once the printer has accepted every byte: all were written and
 * flushed, our side of the connection was shut down in order (so the printer reads the end of the job), and the
 * connection then closed without an error. Before the first byte, the printer is asked for its paper sensor ({@code
 * DLE EOT 4}); one that reports the paper out is not sent the job, and one that does not answer within a moment is
 * sent it anyway (many printers never answer). Nothing sent before a refusal or a failed status means a retry cannot
 * print the job twice; a connection that breaks part-way through leaves the job to be sent again whole.
 */
public final class PrinterLink {
    private static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};
    /** Bits 5 and 6 of the paper sensor's answer: the roll is out. */
    private static final int PAPER_OUT = 0x60;

    /** What went wrong with a printer. */
    public enum Trouble { UNREACHABLE, NO_PAPER, PARTLY_SENT, NOT_SET_UP }

    /** How a send ended. */
    public sealed interface Outcome permits Printed, NotPrinted {
    }

    /** The printer took every byte. */
    public record Printed() implements Outcome {
    }

    /** The printer did not take the job (or not all of it): {@code reason} is for the people at the till. */
    public record NotPrinted(Trouble trouble, String reason) implements Outcome {
    }

    private final Duration connectTimeout;
    private final Duration statusWait;

    public PrinterLink(Duration connectTimeout, Duration statusWait) {
        this.connectTimeout = connectTimeout;
        this.statusWait = statusWait;
    }

    public static PrinterLink defaults() {
        return new PrinterLink(Duration.ofSeconds(3), Duration.ofMillis(800));
    }

    public Outcome send(StorePrinter printer, byte[] bytes) {
        return switch (printer.connection()) {
            case StorePrinter.NETWORK -> network(printer.address(), bytes);
            case StorePrinter.DEVICE -> device(printer.address(), bytes);
            case StorePrinter.QUEUE -> queue(printer.address(), bytes);
            default -> new NotPrinted(Trouble.NOT_SET_UP, "unknown connection " + printer.connection());
        };
    }

    private Outcome network(String address, byte[] bytes) {
        InetSocketAddress where = address(address);
        boolean sending = false;
        try (Socket socket = new Socket()) {
            socket.connect(where, (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) statusWait.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(PAPER_STATUS);
            out.flush();
            int status;
            try {
                status = in.read();
            } catch (SocketTimeoutException silent) {
                status = -2; // this printer does not report its status: send the job all the same
            }
            if (status == -1) {
                return new NotPrinted(Trouble.UNREACHABLE, "the printer closed the connection");
            }
            if (status >= 0 && (status & PAPER_OUT) == PAPER_OUT) {
                return new NotPrinted(Trouble.NO_PAPER, "out of paper");
            }
            sending = true;
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            // Read what the printer still says until it closes, so that closing here never resets the connection
            // while the last bytes are on their way; a printer that keeps the connection open has them already.
            try {
                while (in.read() >= 0) {
                    // status bytes: not needed
                }
            } catch (SocketTimeoutException keptOpen) {
                // the printer keeps its side open: every byte was written and our side closed in order
            }
            return new Printed();
        } catch (IOException e) {
            return sending ? new NotPrinted(Trouble.PARTLY_SENT, "the connection broke while sending: " + e.getMessage())
                    : new NotPrinted(Trouble.UNREACHABLE, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    static InetSocketAddress address(String address) {
        String host = address;
        int port = StorePrinter.RAW_PORT;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            host = address.substring(1, end);
            if (address.length() > end + 2) {
                port = Integer.parseInt(address.substring(end + 2));
            }
        } else if (address.lastIndexOf(':') > 0) {
            host = address.substring(0, address.lastIndexOf(':'));
            port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }

    private static Outcome device(String path, byte[] bytes) {
        OutputStream out;
        try {
            out = new FileOutputStream(path, true);
        } catch (IOException e) {
            return new NotPrinted(Trouble.UNREACHABLE, e.getMessage());
        }
        try (out) {
            out.write(bytes);
            out.flush();
            return new Printed();
        } catch (IOException e) {
            return new NotPrinted(Trouble.PARTLY_SENT, e.getMessage());
        }
    }

    private static Outcome queue(String name, byte[] bytes) {
        PrintService service = null;
        for (PrintService s : PrintServiceLookup.lookupPrintServices(null, null)) {
            if (s.getName().equalsIgnoreCase(name)) {
                service = s;
            }
        }
        if (service == null) {
            return new NotPrinted(Trouble.UNREACHABLE, "no print queue named " + name + " on this PC");
        }
        DocPrintJob job = service.createPrintJob();
        try {
            job.print(new SimpleDoc(bytes, DocFlavor.BYTE_ARRAY.AUTOSENSE, null), null);
            return new Printed();
        } catch (PrintException e) {
            return new NotPrinted(Trouble.UNREACHABLE, e.getMessage());
        }
    }
}
