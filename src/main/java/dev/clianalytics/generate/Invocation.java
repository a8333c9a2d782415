package dev.clianalytics.generate;

/**
 * One simulated command run, handed to a writer and then reused: everything an output format
 * needs, already decided by the simulation. Writers read it and never draw random numbers for it.
 */
final class Invocation {
    long index;                 // 0-based number of the command run in the whole output
    long tsMicros;
    Catalog.Command command;
    byte[] version;
    final ByteOut[] flags = {new ByteOut(64), new ByteOut(64), new ByteOut(64)};
    int flagCount;
    int exitCode;
    long durationMs;
    final ByteOut error = new ByteOut(256);
    boolean hasError;
    /** A failed run's error_source and http_status (FailureSource.NONE: none); null when it succeeded. */
    FailureSource failure;
    Machine machine;
    byte[] actorId;             // native actor_id
    byte[] distinctId;          // the id a PostHog/Segment client sends at this moment
    byte[] anonId;              // the machine's anonymous id at this moment
    byte[] sessionHint;         // null: none
    boolean ci;
    long sequence;              // < 0: none
    /** A successful login that links the anonymous id to the account (PostHog alias, Segment alias/identify). */
    boolean linksIdentity;
    /** A login run (Segment's newer catalog wraps it in the CLI Auth flow events). */
    boolean isLogin;

    /** Timestamp of the end of the run, micros. */
    long endMicros() {
        return tsMicros + durationMs * 1000;
    }
}
