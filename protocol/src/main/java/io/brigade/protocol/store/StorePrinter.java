package io.brigade.protocol.store;

import java.util.List;
import java.util.Set;

/**
 * A printer of the store. {@code connection} is {@link #NETWORK} ({@code address} {@code host} or {@code host:port},
 * raw TCP, port 9100 when left out), {@link #DEVICE} ({@code address} a device file such as {@code /dev/usb/lp0} or
 * {@code COM3}: USB and serial printers) or {@link #QUEUE} ({@code address} the name of an operating-system print
 * queue, which takes the ESC/POS bytes raw). {@code paperWidth} is 58 or 80 (mm); {@code codePage} the printer's
 * character table for text (one of {@link #CODE_PAGES}, named as the ESC/POS library names them): text it cannot
 * hold prints as an image. {@code stationIds} are the kitchen stations whose chits it prints; {@code drawer} the cash
 * drawer on its kick-out port, or null.
 */
public record StorePrinter(String printerId, String name, String connection, String address, Integer paperWidth,
                           String codePage, List<String> stationIds, CashDrawer drawer) {
    public static final String NETWORK = "NETWORK";
    public static final String DEVICE = "DEVICE";
    public static final String QUEUE = "QUEUE";
    public static final Set<String> CONNECTIONS = Set.of(NETWORK, DEVICE, QUEUE);
    /** The raw TCP port of network receipt printers. */
    public static final int RAW_PORT = 9100;
    /** The character tables a printer may be set to: each has a Java charset, so text is written in it exactly. */
    public static final List<String> CODE_PAGES = List.of("CP437_USA_Standard_Europe", "CP850_Multilingual",
            "CP858_Euro", "WPC1252", "CP852_Latin2", "ISO8859_15_Latin9", "CP866_Cyrillic_2", "WCP1251_Cyrillic",
            "CP737_Greek", "WCP1253_Greek", "CP857_Turkish", "CP862_Hebrew");

    /**
     * The cash drawer's kick: a pulse on connector {@code pin} 2 or 5, {@code onMs} long, then {@code offMs} off
     * (each 2 to 510 ms, in steps of 2 ms as the printer counts them).
     */
    public record CashDrawer(Integer pin, Integer onMs, Integer offMs) {
        /** The common drawer: pin 2, 100 ms on, 200 ms off. */
        public static final CashDrawer STANDARD = new CashDrawer(2, 100, 200);
    }
}
