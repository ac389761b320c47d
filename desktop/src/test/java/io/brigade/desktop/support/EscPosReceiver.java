package io.brigade.desktop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A network receipt printer for tests: a TCP server on a free port of this machine that records the byte stream of
 * each connection (one job), answers the paper sensor query ({@code DLE EOT 4}) as a real printer does, and can be
 * switched off (connections refused) and on again on the same port, or run out of paper.
 */
public final class EscPosReceiver implements AutoCloseable {
    private static final byte[] PAPER_QUERY = {0x10, 0x04, 0x04};
    private final int port;
    private final List<byte[]> jobs = new ArrayList<>();
    private volatile boolean paperOut;
    private ServerSocket server;
    private Thread thread;

    private EscPosReceiver(int port) {
        this.port = port;
    }

    /** A printer that is on, on a free port. */
    public static EscPosReceiver start() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        EscPosReceiver r = new EscPosReceiver(free);
        r.on();
        return r;
    }

    /** {@code 127.0.0.1:port}, as a printer's address in the store's settings. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Switches the printer on (again): it accepts connections on its port. */
    public synchronized void on() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        thread = new Thread(() -> accept(s), "escpos-receiver-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    /** Switches the printer off: its port refuses connections. */
    public synchronized void off() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public void paperOut(boolean out) {
        this.paperOut = out;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try (Socket socket = s.accept()) {
                record(socket);
            } catch (IOException e) {
                // closed (switched off), or a broken connection: the next one is a new job
            }
        }
    }

    private void record(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            job.write(buffer, 0, n);
            byte[] sofar = job.toByteArray();
            if (sofar.length == PAPER_QUERY.length && java.util.Arrays.equals(sofar, PAPER_QUERY)) {
                out.write(paperOut ? 0x72 : 0x12);
                out.flush();
                job.reset();
            }
        }
        if (job.size() > 0) {
            synchronized (jobs) {
                jobs.add(job.toByteArray());
                jobs.notifyAll();
            }
        }
    }

    /** The jobs printed so far, each the bytes of one connection after the status query. */
    public List<byte[]> jobs() {
        synchronized (jobs) {
            return List.copyOf(jobs);
        }
    }

    /** Whether {@code job} holds {@code text} as the printer's character table {@code charset} writes it. */
    public static boolean holds(byte[] job, String text, Charset charset) {
        return indexOf(job, text.getBytes(charset)) >= 0;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    @Override
    public void close() throws IOException {
        off();
    }
}
