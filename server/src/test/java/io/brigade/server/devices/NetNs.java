package io.brigade.server.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this machine by a veth pair ({@value #HOST} here, {@value #PEER} inside), so a
 * process started in it calls the store server from another address over a real link. Needs root and
 * {@code ip}; where the machine cannot, {@link #active()} is false and callers fall back to the LAN address.
 */
final class NetNs implements AutoCloseable {
    static final String HOST = "10.231.77.1";
    static final String PEER = "10.231.77.2";
    final String name;
    private final String hostLink;
    private final boolean active;

    private NetNs(String name, String hostLink, boolean active) {
        this.name = name;
        this.hostLink = hostLink;
        this.active = active;
    }

    static NetNs create() {
        removeLeftovers();
        String suffix = Long.toHexString(ProcessHandle.current().pid());
        String name = "brigade-" + suffix;
        String hostLink = "brg" + suffix;
        String peerLink = "brp" + suffix;
        boolean ok = run("ip", "netns", "add", name)
                && run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", peerLink)
                && run("ip", "link", "set", peerLink, "netns", name)
                && run("ip", "addr", "add", HOST + "/30", "dev", hostLink)
                && run("ip", "link", "set", hostLink, "up")
                && run("ip", "netns", "exec", name, "ip", "addr", "add", PEER + "/30", "dev", peerLink)
                && run("ip", "netns", "exec", name, "ip", "link", "set", peerLink, "up")
                && run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
        NetNs ns = new NetNs(name, hostLink, ok);
        if (!ok) {
            ns.close();
        }
        return ns;
    }

    /**
     * A test run killed before {@link #close()} leaves its namespace and veth behind, holding {@value #HOST}: the
     * next run could not add the address. Both are named after the pid of the JVM that made them, so those of
     * JVMs no longer running are removed.
     */
    private static void removeLeftovers() {
        for (String line : output("ip", "-o", "link", "show")) {
            String[] fields = line.split(":\\s+");
            if (fields.length > 1) {
                String link = fields[1].split("@")[0];
                if (link.startsWith("brg") && !running(link.substring(3))) {
                    run("ip", "link", "del", link);
                }
            }
        }
        for (String line : output("ip", "netns", "list")) {
            String ns = line.split("\\s+")[0];
            if (ns.startsWith("brigade-") && !running(ns.substring("brigade-".length()))) {
                run("ip", "netns", "del", ns);
            }
        }
    }

    private static boolean running(String hexPid) {
        try {
            return ProcessHandle.of(Long.parseLong(hexPid, 16)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it
        }
    }

    private static List<String> output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.lines().toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    boolean active() {
        return active;
    }

    /** A plain HTTP GET sent from inside the namespace (bash's /dev/tcp: no tool to install), the whole answer. */
    String plainGet(String host, int port, String path) throws IOException, InterruptedException {
        String script = "exec 3<>/dev/tcp/" + host + "/" + port + "; printf 'GET " + path + " HTTP/1.1\\r\\nHost: "
                + host + ":" + port + "\\r\\nConnection: close\\r\\n\\r\\n' >&3; cat <&3";
        Process p = new ProcessBuilder("ip", "netns", "exec", name, "bash", "-c", script).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        List<String[]> undo = new ArrayList<>();
        undo.add(new String[] {"ip", "link", "del", hostLink});
        undo.add(new String[] {"ip", "netns", "del", name});
        for (String[] command : undo) {
            run(command);
        }
    }
}
