package io.brigade.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** An Xvfb X server on a free display number, so a packaged app can open a real window in a test. */
final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    static VirtualDisplay start() throws IOException, InterruptedException {
        for (int n = 90; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    return new VirtualDisplay(p, ":" + n);
                }
                Thread.sleep(50);
            }
            p.destroyForcibly();
        }
        throw new IllegalStateException("no free X display for Xvfb");
    }

    String name() {
        return name;
    }

    /** Sends keystrokes to the window under the pointer, as a cashier at the keyboard would. */
    void type(String text) throws IOException, InterruptedException {
        focusWindow();
        xdotool("type", "--delay", "80", text);
    }

    void key(String key) throws IOException, InterruptedException {
        xdotool("key", key);
    }

    /** Gives the window the keyboard, as {@link #type} does, and presses one key. */
    void press(String key) throws IOException, InterruptedException {
        focusWindow();
        xdotool("key", key);
    }

    /**
     * Clicking an empty corner gives the window the keyboard focus (there is no window manager). Not
     * {@code mousemove --sync}: it waits for the pointer to move, forever when it is already there.
     */
    private void focusWindow() throws IOException, InterruptedException {
        xdotool("mousemove", "5", "795", "click", "1");
    }

    private void xdotool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "env";
        command[1] = "DISPLAY=" + name;
        command[2] = "xdotool";
        System.arraycopy(args, 0, command, 3, args.length);
        Packages.run(Duration.ofSeconds(10), command);
    }

    /** A PNG of the whole screen, for a person to look at. */
    void screenshot(Path png) throws IOException, InterruptedException {
        Packages.run(Duration.ofSeconds(20), "import", "-display", name, "-window", "root", png.toString());
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        xvfb.waitFor();
    }
}
