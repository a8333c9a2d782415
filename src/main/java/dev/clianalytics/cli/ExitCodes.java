package dev.clianalytics.cli;

/** The exit codes of SPEC §2. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int USAGE = 2;
    public static final int INPUT_REJECTED = 3;
    public static final int DATABASE_UNAVAILABLE = 4;
    /** check: a rule failed (the report was printed). */
    public static final int CHECK_FAILED = 5;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
