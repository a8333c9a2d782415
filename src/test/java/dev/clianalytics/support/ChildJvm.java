package dev.clianalytics.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starts a class of the test classpath in its own JVM: for locks, kills and concurrency. */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> main, Map<String, String> env, Path workDir, String... args) throws IOException {
        ProcessBuilder pb = builder(main, env, workDir, args);
        pb.redirectError(new File(workDir.toFile(), "child-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".err"));
        return pb.start();
    }

    /**
     * The command to start {@code main}, for callers that choose where its output goes. SIGINT is
     * reset to its default action when the coreutils {@code env} can, since a JVM started from a
     * background job would otherwise inherit "ignore SIGINT" and never see a Ctrl-C.
     */
    public static ProcessBuilder builder(Class<?> main, Map<String, String> env, Path workDir, String... args) {
        return builder(main, List.of(), env, workDir, args);
    }

    /** The same with options for the child's JVM (e.g. its own {@code java.io.tmpdir}). */
    public static ProcessBuilder builder(Class<?> main, List<String> jvmOptions, Map<String, String> env, Path workDir,
            String... args) {
        List<String> cmd = new ArrayList<>();
        if (ENV_RESETS_SIGINT) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String libraryPath = System.getProperty("java.library.path");
        if (libraryPath != null && !libraryPath.isEmpty()) {
            cmd.add("-Djava.library.path=" + libraryPath); // DuckDB's library, as the build set it up
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        return pb;
    }

    private static final boolean ENV_RESETS_SIGINT = envResetsSigint();

    private static boolean envResetsSigint() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Waits until the child has {@code file} open (seen in /proc, so a test never races it for a lock). */
    public static void waitUntilOpen(Process child, Path file, long timeoutSeconds) throws InterruptedException {
        waitUntil(child, () -> hasOpen(child, file), "opened " + file, timeoutSeconds);
    }

    /**
     * Waits until the child holds a lock on {@code file} (seen in /proc/locks): having the file open
     * is not enough, since the lock is taken just after the open, and a test racing that gap would
     * take the lock itself.
     */
    public static void waitUntilLocked(Process child, Path file, long timeoutSeconds) throws InterruptedException {
        waitUntil(child, () -> holdsLock(child, file), "locked " + file, timeoutSeconds);
    }

    /** Polls {@code done} until it holds; fails when the child ends first or the time runs out. */
    private static void waitUntil(Process child, BooleanSupplier done, String what, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!done.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before it " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child never " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Whether /proc/locks lists a lock of the process on the file (by inode). */
    static boolean holdsLock(Process child, Path file) {
        try {
            String inode = ":" + Files.getAttribute(file, "unix:ino");
            String pid = Long.toString(child.pid());
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] t = line.trim().split("\\s+");
                for (int i = 0; i + 2 < t.length; i++) {
                    if ((t[i].equals("READ") || t[i].equals("WRITE")) && t[i + 1].equals(pid) && t[i + 2].endsWith(inode)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException notYet) {
            return false; // the file does not exist yet
        }
    }

    /** Whether a process (or the JVM its {@code env} wrapper became) has {@code file} open. */
    public static boolean hasOpen(Process child, Path file) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(child.pid()), "fd"))) {
            Path target = file.toRealPath();
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (Exception gone) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }
}
