package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The infer run the derived tables come from, and the ingest they cover. Reports refuse to show
 * numbers when infer never ran or ran before the last ingest (the tables would be stale).
 */
public record InferInfo(
        long inferId, Instant finishedAt, long sessionTimeoutMs, Instant asOf, boolean asOfGiven,
        String workflowsFile, Long lastIngestRunId, long rejectedLines) {

    /** Reads the latest infer run, failing with the command that fixes a missing or stale one. */
    public static InferInfo require(Connection c, String dbArgument) {
        Rows.Row r = Rows.query(c, "freshness.sql", List.of()).get(0);
        Long lastIngest = r.longOrNull("last_ingest_run_id");
        String fix = "run 'cli-analytics" + dbArgument + " infer'";
        if (r.longOrNull("infer_id") == null) {
            if (lastIngest == null) {
                throw new CliAnalyticsException("the database holds no events yet: run 'cli-analytics" + dbArgument
                        + " ingest FILE', then 'cli-analytics" + dbArgument + " infer'");
            }
            throw new CliAnalyticsException("infer has not run on this database yet, so there is nothing to report: " + fix);
        }
        Long covered = r.longOrNull("infer_last_ingest_run_id");
        if (lastIngest != null && (covered == null || covered < lastIngest)) {
            throw new CliAnalyticsException("the derived tables are older than the last ingest (infer covers ingest run "
                    + (covered == null ? "none" : covered) + ", the latest is " + lastIngest + "): " + fix
                    + " to bring them up to date");
        }
        Boolean given = r.flag("as_of_given");
        return new InferInfo(r.count("infer_id"), r.instant("finished_at"), r.count("session_timeout_ms"),
                r.instant("as_of"), given != null && given, r.text("workflows_file"), covered, r.count("rejected_lines"));
    }
}
