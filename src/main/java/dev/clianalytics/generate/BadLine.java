package dev.clianalytics.generate;

/**
 * The malformed lines {@code --bad-lines} mixes in, one per reject reason of SPEC §4.3 (and a few
 * variants). Each line has exactly one defect, so its reason is unambiguous.
 */
enum BadLine {
    TRUNCATED("invalid_json"),
    MISSING_TIMESTAMP("missing_field:timestamp"),
    WRONG_TYPE_EXIT_CODE("wrong_type:exit_code"),
    BAD_TIMESTAMP("bad_timestamp"),
    EMPTY_COMMAND_PATH("empty_command_path"),
    MISSING_TOOL_NAME("missing_field:tool_name"),
    WRONG_TYPE_COMMAND_PATH("wrong_type:command_path"),
    TRAILING_GARBAGE("invalid_json"),
    MISSING_COMMAND_PATH("missing_field:command_path"),
    WRONG_TYPE_CI_DETECTED("wrong_type:ci_detected"),
    MISSING_ACTOR_ID("missing_field:actor_id"),
    WRONG_TYPE_DURATION("wrong_type:duration_ms"),
    MISSING_MACHINE_ID("missing_field:machine_id"),
    WRONG_TYPE_FLAGS("wrong_type:flags_present"),
    LINE_TOO_LONG("line_too_long"),
    /** Segment only: lifecycle events without their invocation_id. */
    MISSING_INVOCATION_ID("missing_field:invocation_id");

    /** Lines longer than this are rejected (SPEC §3: 1 MiB). */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Only every this many rotations carries a line_too_long line (after the first): each is over 1 MiB. */
    static final int LONG_LINE_EVERY_ROTATIONS = 100;

    private static final BadLine[] NATIVE = {
        TRUNCATED, MISSING_TIMESTAMP, WRONG_TYPE_EXIT_CODE, BAD_TIMESTAMP, EMPTY_COMMAND_PATH, MISSING_TOOL_NAME,
        WRONG_TYPE_COMMAND_PATH, TRAILING_GARBAGE, MISSING_COMMAND_PATH, WRONG_TYPE_CI_DETECTED, MISSING_ACTOR_ID,
        WRONG_TYPE_DURATION, MISSING_MACHINE_ID, WRONG_TYPE_FLAGS, LINE_TOO_LONG};
    /** PostHog and Segment: the kinds their readers can tell apart (the actor, command and timestamp fields). */
    private static final BadLine[] POSTHOG = {
        TRUNCATED, MISSING_ACTOR_ID, BAD_TIMESTAMP, MISSING_COMMAND_PATH, TRAILING_GARBAGE, MISSING_TIMESTAMP,
        EMPTY_COMMAND_PATH, WRONG_TYPE_DURATION, LINE_TOO_LONG};
    private static final BadLine[] SEGMENT = {
        TRUNCATED, MISSING_ACTOR_ID, BAD_TIMESTAMP, MISSING_COMMAND_PATH, TRAILING_GARBAGE, MISSING_TIMESTAMP,
        EMPTY_COMMAND_PATH, WRONG_TYPE_DURATION, MISSING_INVOCATION_ID, LINE_TOO_LONG};

    final String reason;

    BadLine(String reason) {
        this.reason = reason;
    }

    /** The kind of the {@code k}-th bad line (0-based): a fixed rotation, so every kind appears once there are enough. */
    static BadLine nth(long k, GenerateSettings.OutputFormat format) {
        BadLine[] kinds = switch (format) {
            case NATIVE -> NATIVE;
            case POSTHOG -> POSTHOG;
            case SEGMENT -> SEGMENT;
        };
        BadLine kind = kinds[(int) (k % kinds.length)];
        long rotation = k / kinds.length;
        if (kind == LINE_TOO_LONG && rotation % LONG_LINE_EVERY_ROTATIONS != 0) {
            return TRUNCATED;
        }
        return kind;
    }

    /** Whether invocation {@code i} of {@code n} is replaced by a bad line: exactly {@code badCount} of them, spread evenly. */
    static boolean isBad(long i, long n, long badCount) {
        return badCount > 0 && scaled(i + 1, badCount, n) > scaled(i, badCount, n);
    }

    /** floor(i × b / n) without overflow. */
    private static long scaled(long i, long b, long n) {
        if (Math.multiplyHigh(i, b) == 0 && i * b >= 0) {
            return i * b / n;
        }
        return java.math.BigInteger.valueOf(i).multiply(java.math.BigInteger.valueOf(b))
                .divide(java.math.BigInteger.valueOf(n)).longValueExact();
    }
}
