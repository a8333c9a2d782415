package dev.clianalytics;

/**
 * An error the user can act on: its message is printed as one line, without a stack trace
 * unless --verbose is given. Subclasses choose the exit code (SPEC §2).
 */
public class CliAnalyticsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliAnalyticsException(String message) {
        super(message);
    }

    public CliAnalyticsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database is held by another process, is not a DuckDB file, or has a newer schema (exit 4). */
    public static class DatabaseUnavailable extends CliAnalyticsException {
        private static final long serialVersionUID = 1L;

        public DatabaseUnavailable(String message) {
            super(message);
        }

        public DatabaseUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another process holds the database's lock (exit 4, like any unavailable database). */
    public static class DatabaseBusy extends DatabaseUnavailable {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String pid;

        /** @param pid the holder's process id when DuckDB named it, else null */
        public DatabaseBusy(String path, String pid, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
            this.pid = pid;
        }

        public String path() {
            return path;
        }

        public String pid() {
            return pid;
        }

        /** " (PID n)" when the holder is known, else "". */
        public String holder() {
            return pid == null ? "" : " (PID " + pid + ")";
        }
    }

    /** More input lines were rejected than --max-rejects allows; nothing was written (exit 3). */
    public static class InputRejected extends CliAnalyticsException {
        private static final long serialVersionUID = 1L;

        public InputRejected(String message) {
            super(message);
        }
    }

    /** The run was interrupted (Ctrl-C); nothing half-written remains (exit 130). */
    public static class Interrupted extends CliAnalyticsException {
        private static final long serialVersionUID = 1L;

        public Interrupted(String message) {
            super(message);
        }
    }
}
