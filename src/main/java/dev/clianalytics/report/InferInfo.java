package dev.clianalytics.report;

import java.sql.Connection;
import java.time.Instant;

/**
 * The infer run the derived tables come from, and the ingest they cover (Freshness says whether
 * they are current).
 */
public record InferInfo(
        long inferId, Instant finishedAt, long sessionTimeoutMs, Instant asOf, boolean asOfGiven,
        String workflowsFile, Long lastIngestRunId, Ingested ingested) {

    /**
     * What every ingest stored or set aside beside the command events (no filter applies: rejected
     * lines and ignored records have no time or tool).
     */
    public record Ingested(long rejectedLines, long ignoredRecords, long flowEvents, long identityLinks) {}


    /** Reads the latest infer run, failing with the command that fixes a missing or stale one (Freshness). */
    public static InferInfo require(Connection c, String dbArgument) {
        return Freshness.read(c).require(dbArgument);
    }
}
