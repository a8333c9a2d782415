package dev.clianalytics.infer;

import dev.clianalytics.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What infer is computed with (SPEC §5).
 *
 * @param asOf the instant that decides IN_PROGRESS; null means the latest event end
 * @param workflowsFile the base name of the --workflows file, null for the shipped defaults
 * @param funnels the funnels to compute (docs/funnels.md)
 * @param funnelsFile the base name of the --funnels file, null for the built-in funnels
 */
public record InferSettings(Duration sessionTimeout, Instant asOf, WorkflowConfig workflows, String workflowsFile,
        FunnelConfig funnels, String funnelsFile) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public InferSettings {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("session timeout must be positive");
        }
    }

    /** With the built-in funnels. */
    public InferSettings(Duration sessionTimeout, Instant asOf, WorkflowConfig workflows, String workflowsFile) {
        this(sessionTimeout, asOf, workflows, workflowsFile, FunnelConfig.defaults(), null);
    }

    public static InferSettings defaults() {
        return new InferSettings(DEFAULT_SESSION_TIMEOUT, null, WorkflowConfig.defaults(), null);
    }

    public InferSettings withSessionTimeout(Duration timeout) {
        return new InferSettings(timeout, asOf, workflows, workflowsFile, funnels, funnelsFile);
    }

    public InferSettings withAsOf(Instant instant) {
        return new InferSettings(sessionTimeout, instant, workflows, workflowsFile, funnels, funnelsFile);
    }

    public InferSettings withWorkflows(WorkflowConfig config, String fileName) {
        return new InferSettings(sessionTimeout, asOf, config, fileName, funnels, funnelsFile);
    }

    public InferSettings withFunnels(FunnelConfig config, String fileName) {
        return new InferSettings(sessionTimeout, asOf, workflows, workflowsFile, config, fileName);
    }

    /** Parses a timeout such as {@code 30m}, {@code 1h30m} or {@code PT30M} (Durations); it must be positive. */
    public static Duration parseTimeout(String text) {
        return Durations.parse(text);
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

    /**
     * The words the rare-word rule always stores in clear for these settings (docs/ingest.md, "Rare
     * words held back"): the entry, terminal and name words of the workflows, and the command words
     * of funnel steps.
     */
    public static java.util.Set<String> knownWords(WorkflowConfig w, FunnelConfig funnels) {
        java.util.Set<String> words = new java.util.HashSet<>(w.entryCommands());
        words.addAll(w.terminalCommands());
        w.workflowNames().forEach(n -> {
            words.add(n.terminal());
            words.add(n.name());
        });
        funnels.funnels().forEach(f -> f.steps().forEach(step -> {
            if (step.command() != null) {
                words.addAll(step.command());
            }
        }));
        return words;
    }
}
