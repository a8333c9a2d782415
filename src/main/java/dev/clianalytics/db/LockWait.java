package dev.clianalytics.db;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.CliAnalyticsException.DatabaseBusy;
import dev.clianalytics.config.Durations;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How long opening the database waits while another process holds its lock (--wait): not at all,
 * or up to a total time across every open of one command (a report that reads, then refreshes,
 * waits once). DuckDB has no blocking lock, so the open is retried every {@value #POLL_MILLIS} ms.
 */
public final class LockWait {
    /** Fail at once with the busy message (exit 4). */
    public static final LockWait NONE = new LockWait(Duration.ZERO, busy -> { });

    static final long POLL_MILLIS = 100;

    private final Duration timeout;
    private final Consumer<DatabaseBusy> onWaiting;
    private long deadline;
    private boolean waiting;

    /**
     * @param timeout how long to wait in all; zero for not at all
     * @param onWaiting told once, when the first attempt finds the database busy (the command says it waits)
     */
    public LockWait(Duration timeout, Consumer<DatabaseBusy> onWaiting) {
        this.timeout = timeout;
        this.onWaiting = onWaiting;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs {@code open} until it does not find the database busy, or the time is up. */
    <T> T attempt(Supplier<T> open) {
        while (true) {
            try {
                return open.get();
            } catch (DatabaseBusy busy) {
                if (timeout.isZero()) {
                    throw busy;
                }
                long now = System.nanoTime();
                if (!waiting) {
                    waiting = true;
                    deadline = now + timeout.toNanos();
                    onWaiting.accept(busy);
                } else if (now - deadline >= 0) {
                    throw new DatabaseBusy(busy.path(), busy.pid(), "database " + busy.path() + " is still in use by"
                            + " another process" + busy.holder() + " after waiting " + Durations.format(timeout)
                            + "; try again when it has finished, or wait longer (e.g. --wait "
                            + Durations.format(timeout.multipliedBy(5)) + ")", busy);
                }
                sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - now) / 1_000_000)));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliAnalyticsException.Interrupted("interrupted while waiting for the database");
        }
    }
}
