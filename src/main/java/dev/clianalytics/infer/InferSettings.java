package dev.clianalytics.infer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What infer is computed with (SPEC §5).
 *
 * @param asOf the instant that decides IN_PROGRESS; null means the latest event end
 * @param workflowsFile the base name of the --workflows file, null for the shipped defaults
 */
public record InferSettings(Duration sessionTimeout, Instant asOf, WorkflowConfig workflows, String workflowsFile) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern TIMEOUT_PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    public InferSettings {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("session timeout must be positive");
        }
    }

    public static InferSettings defaults() {
        return new InferSettings(DEFAULT_SESSION_TIMEOUT, null, WorkflowConfig.defaults(), null);
    }

    public InferSettings withSessionTimeout(Duration timeout) {
        return new InferSettings(timeout, asOf, workflows, workflowsFile);
    }

    public InferSettings withAsOf(Instant instant) {
        return new InferSettings(sessionTimeout, instant, workflows, workflowsFile);
    }

    public InferSettings withWorkflows(WorkflowConfig config, String fileName) {
        return new InferSettings(sessionTimeout, asOf, config, fileName);
    }

    /**
     * Parses a timeout such as {@code 30m}, {@code 1h}, {@code 90s}, {@code 1h30m}, {@code 500ms},
     * {@code 2d} or ISO-8601 {@code PT30M}; it must be positive.
     */
    public static Duration parseTimeout(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw badTimeout(text);
            }
        }
        Matcher m = TIMEOUT_PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw badTimeout(text);
        }
        return positive(total, text);
    }

    /**
     * Parses an ISO-8601 instant: {@code 2026-03-01T12:00:00Z}, with an offset, without one
     * (UTC, as event timestamps), or a date alone (midnight UTC).
     */
    public static Instant parseInstant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date alone
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp;"
                    + " use e.g. 2026-03-01T12:00:00Z, 2026-03-01T14:00:00+02:00 or 2026-03-01");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return d;
    }

    private static IllegalArgumentException badTimeout(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; use a number and a unit,"
                + " e.g. 30m, 1h, 90s, 1h30m, 500ms or 2d");
    }
}
