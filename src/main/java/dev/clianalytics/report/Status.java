package dev.clianalytics.report;

import java.time.Instant;
import java.util.List;

/**
 * What 'status' shows: the database's files, its schema and stored rows, every ingest run, the
 * last infer and whether the reports are current.
 *
 * @param lastInfer null when infer never ran
 */
public record Status(Files files, long schemaVersion, Contents contents, List<IngestRun> ingestRuns,
        LastInfer lastInfer, Freshness freshness) {

    public Status {
        ingestRuns = List.copyOf(ingestRuns);
    }

    /**
     * The files beside the database; the caller measures them. Never the salt itself.
     *
     * @param walBytes null when there is no write-ahead log (the last writer finished cleanly)
     * @param saltSource where ingest takes the salt from: an environment variable's name, "file",
     *     or null when neither is there yet (the first ingest creates the file)
     */
    public record Files(String database, long databaseBytes, Long walBytes, boolean saltFilePresent, String saltSource) {}

    public record Contents(long events, long flowEvents, long identityLinks, long signIns) {}

    public record IngestRun(long runId, Instant startedAt, long files, long stored, long duplicates, long conflicts,
            long rejected, long ignored) {}

    public record LastInfer(long inferId, Instant finishedAt, long sessionTimeoutMs, Instant asOf, boolean asOfGiven,
            String workflowsFile, Long lastIngestRunId, long events, long sessions, long workflowRuns) {}

    /**
     * Whether a report would print at once: with current derived tables (the reports' own check);
     * otherwise a report infers first (or fails with --strict).
     *
     * @param latestIngestRunId the newest ingest run; null without ingests
     * @param reason why they are not current, else null
     * @param nextStep the command that makes them current, else null
     */
    public record Freshness(boolean current, Long latestIngestRunId, String reason, String nextStep) {}
}
