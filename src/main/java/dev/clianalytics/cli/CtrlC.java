package dev.clianalytics.cli;

import dev.clianalytics.db.Interrupts;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) or a plain kill (SIGTERM) while a command runs: the JVM exits with 128 + the
 * signal (130 for Ctrl-C) without committing, so the database keeps nothing of the run (every
 * command writes in one transaction). This hook first interrupts the running query and waits
 * for the command to roll back and clean up (DuckDB's spill files, and everything a first ingest
 * created; see {@link Interrupts}), then tells the user so in one line on stderr.
 */
public final class CtrlC {
    static final String MESSAGE = "interrupted: nothing from this run was written";
    /** How long the command may take to roll back and clean up after the interrupt. */
    private static final java.time.Duration UNWIND = java.time.Duration.ofSeconds(10);

    private final AtomicBoolean finished = new AtomicBoolean();

    private final boolean terminal;

    private CtrlC(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Installs the hook; call {@link #finished()} once the command has returned, before exiting.
     * On a terminal the message starts on a new line (after the "^C" the terminal echoed).
     */
    public static CtrlC install(boolean stderrIsTerminal) {
        CtrlC ctrlC = new CtrlC(stderrIsTerminal);
        Runtime.getRuntime().addShutdownHook(new Thread(ctrlC::onShutdown, "ctrl-c"));
        return ctrlC;
    }

    public void finished() {
        finished.set(true);
    }

    private void onShutdown() {
        if (finished.get()) {
            return;
        }
        // stop the query, let the command roll back, close and remove what it created, then go
        Interrupts.interruptAndWait(UNWIND);
        try {
            // A fresh stream on fd 2: the command's writer may be mid-line, and is never flushed now.
            FileOutputStream err = new FileOutputStream(FileDescriptor.err);
            err.write(((terminal ? "\n" : "") + MESSAGE + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException ignored) {
            // stderr is gone (closed pipe): nothing left to tell
        }
    }
}
