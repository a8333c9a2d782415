package dev.clianalytics.reliability;

import java.util.Map;

/**
 * What a crash round interrupts, and how: a command, a signal and a variant of its input. Round r
 * takes command r mod 3 and signal (r / 3 + r / 9) mod 3, so every 9 rounds try each command with
 * each signal, and each signal comes at another point of the next 9 (where the database is larger:
 * so a SIGKILL also meets an infer that spills); the variant changes every 9 rounds.
 */
record CrashKind(Command command, Signal signal, int variant) {
    static final int KINDS = Command.values().length * Signal.values().length;

    enum Command {
        /** An ingest into a database that does not exist yet (it creates the file, the schema, the salt). */
        FIRST_INGEST("first ingest"),
        /** An ingest of new events into a database that has some. */
        INGEST("ingest"),
        /** infer over a database whose events changed since the last infer. */
        INFER("infer");

        final String label;

        Command(String label) {
            this.label = label;
        }
    }

    enum Signal {
        KILL(137), TERM(143), INT(130);

        /** The exit status a process ended by this signal has: 128 + its number. */
        final int exitCode;

        Signal(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    static CrashKind of(int round) {
        return new CrashKind(Command.values()[round % 3], Signal.values()[(round / 3 + round / KINDS) % 3], (round / KINDS) % 3);
    }

    /** For ingest: the events as a file, as a file with CRLF line ends (copied to a temporary file) or on stdin. */
    String input() {
        return command == Command.INFER ? "" : new String[] {"file", "CRLF file", "stdin"}[variant];
    }

    /**
     * For infer, in two rounds out of three: DuckDB's memory limit and threads, so that infer spills
     * to {@code <db>.tmp/} (100 MB spills about 5 MB at the 30,000 events of CrashTest's bed, and
     * 128 MB nothing; below about 95 MB infer runs out of memory in workflow_runs before it is
     * killed, which the test would take for a failure). Else the defaults.
     */
    Map<String, String> memory() {
        return command == Command.INFER && variant > 0
                ? Map.of("CLI_ANALYTICS_MEMORY_LIMIT", "100MB", "CLI_ANALYTICS_THREADS", "2") : Map.of();
    }

    /** e.g. "first ingest SIGTERM". */
    String label() {
        return command.label + " SIG" + signal;
    }

    /** e.g. "first ingest SIGTERM, stdin" (the table counts labels; a failure names the variant too). */
    String detail() {
        String v = command == Command.INFER ? (memory().isEmpty() ? "default memory" : "100 MB memory, 2 threads") : input();
        return label() + ", " + v;
    }
}
