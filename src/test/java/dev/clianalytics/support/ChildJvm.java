package dev.clianalytics.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a class of the test classpath in its own JVM: for locks, kills and concurrency. */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> main, Map<String, String> env, Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectError(new File(workDir.toFile(), "child-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".err"));
        return pb.start();
    }
}
