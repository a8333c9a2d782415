package dev.clianalytics.db;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Ctrl-C or SIGTERM must stop and wait for. The JVM's shutdown hook runs while the command
 * is still running, and the process ends when the hook returns: so the hook interrupts every open
 * database's query, which makes the command unwind through its normal error path (roll back,
 * close the database, which removes DuckDB's spill files, a first ingest removes the files it
 * created), and waits until every registered piece of work has closed. Work that does not close
 * in time gets its last resort (removing what is left) before the process ends.
 */
public final class Interrupts {
    /** An interrupt action; may throw, it is retried until the work closes. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private static final Set<Registration> ACTIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean interrupting;

    private Interrupts() {}

    /** Registers work until the returned registration is closed. */
    public static Registration register(Action interrupt, Runnable lastResort) {
        Registration r = new Registration(interrupt, lastResort);
        ACTIVE.add(r);
        return r;
    }

    /** True once a Ctrl-C or SIGTERM is being handled: errors it causes are not reported as errors. */
    public static boolean interrupting() {
        return interrupting;
    }

    /**
     * Interrupts all registered work, again every few milliseconds (a query started after the
     * first interrupt is stopped too), until all of it has closed or {@code max} has passed;
     * then runs the last resort of what is still open. Returns whether all closed in time.
     */
    public static boolean interruptAndWait(Duration max) {
        interrupting = true;
        long deadline = System.nanoTime() + max.toNanos();
        while (!ACTIVE.isEmpty() && System.nanoTime() < deadline) {
            for (Registration r : ACTIVE) {
                try {
                    r.interrupt.run();
                } catch (Exception closedMeanwhile) {
                    // the connection closed between the check and the call: nothing to interrupt
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean all = ACTIVE.isEmpty();
        for (Registration r : ACTIVE) {
            r.lastResort.run();
        }
        return all;
    }

    /** Registered work; close it when the work is done, however it ended. */
    public static final class Registration implements AutoCloseable {
        private final Action interrupt;
        private final Runnable lastResort;

        private Registration(Action interrupt, Runnable lastResort) {
            this.interrupt = interrupt;
            this.lastResort = lastResort;
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
        }
    }
}
