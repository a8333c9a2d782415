package dev.clianalytics.generate;

/**
 * What to generate.
 *
 * @param events the number of simulated command runs (= lines of the native format)
 * @param badLineRate the share of runs written as malformed lines instead, 0..1
 */
public record GenerateSettings(long seed, long events, double badLineRate, OutputFormat format) {
    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_EVENTS = 10_000;

    public enum OutputFormat { NATIVE, POSTHOG, SEGMENT }

    public GenerateSettings {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0");
        }
        if (!(badLineRate >= 0 && badLineRate <= 1)) {
            throw new IllegalArgumentException("badLineRate must be within 0..1");
        }
    }

    /** The number of runs written as malformed lines: round(events × rate). */
    public long badLines() {
        return Math.round(events * badLineRate);
    }
}
