package io.brigade.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the build put the packages, and running programs the way a store PC would. */
final class Packages {
    static final Path DIR = Path.of(System.getProperty("packages.dir", "target/jpackage"));
    static final Path INSTALLER = Path.of(System.getProperty("installer.dir", "."));
    static final String VERSION = System.getProperty("app.version", "0.1.0");

    private Packages() {
    }

    static Path only(String glob) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> found = files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob)
                    .matches(p.getFileName())).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + glob + " in " + DIR + ", found " + found);
            }
            return found.get(0);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** Runs a command to its end; fails with its output unless it exits 0. */
    static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        // Output goes through a file: a pipe nobody reads while waiting would stall a chatty command.
        Path output = Files.createTempFile("brigade-run", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + ":\n"
                        + Files.readString(output));
            }
            String text = Files.readString(output);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Starts {@code command} with an environment holding only {@code env}: no JAVA_HOME, no PATH, so a
     * program that needs an installed JDK cannot find one. Output goes to {@code log}.
     */
    static Process startBare(Map<String, String> env, Path log, String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().clear();
        b.environment().putAll(env);
        return b.start();
    }

    /** Waits for a line matching {@code pattern} in {@code log}; returns the match. */
    static Matcher awaitLine(Path log, Process process, Pattern pattern, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the program exited " + process.exitValue() + " before printing "
                        + pattern + ":\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + ":\n" + Files.readString(log));
    }

    /**
     * Starts {@code launcher} with {@code -Xshare:on} (the JVM refuses to start when it cannot use its class
     * data archive, for example one dumped for other jar paths, instead of silently going without) and waits
     * until the app's main class is logged as loaded from that archive. No display is needed: the main class
     * loads before JavaFX looks for one.
     */
    static void assertMainClassComesFromTheArchive(Path launcher, Path log) throws IOException, InterruptedException {
        Process p = startBare(Map.of("HOME", log.getParent().toString(), "PATH", "/usr/bin:/bin",
                "JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"), log, launcher.toString());
        try {
            awaitLine(log, p, Pattern.compile("io\\.brigade\\.desktop\\.Main source: shared objects file"),
                    Duration.ofSeconds(60));
        } finally {
            stop(p);
        }
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
    }

    static List<String> list(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
