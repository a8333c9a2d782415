package dev.clianalytics.report;

import java.sql.Connection;
import java.util.List;

/** Reads what 'status' shows from a database opened read-only. */
public final class StatusReport {
    private StatusReport() {}

    /** dbArgument: " --db FILE" when the database is not the default one, for the commands suggested. */
    public static Status read(Connection c, Status.Files files, String dbArgument) {
        Rows.Row counts = Rows.query(c, "status_contents.sql", List.of()).get(0);
        List<Status.IngestRun> runs = Rows.query(c, "status_ingest_runs.sql", List.of()).stream()
                .map(r -> new Status.IngestRun(r.count("run_id"), r.instant("started_at"), r.count("files"),
                        r.count("stored"), r.count("duplicates"), r.count("conflicts"), r.count("rejected"),
                        r.count("ignored")))
                .toList();
        Status.LastInfer infer = Rows.query(c, "status_last_infer.sql", List.of()).stream()
                .map(r -> new Status.LastInfer(r.count("infer_id"), r.instant("finished_at"), r.count("session_timeout_ms"),
                        r.instant("as_of"), Boolean.TRUE.equals(r.flag("as_of_given")), r.text("workflows_file"),
                        r.longOrNull("last_ingest_run_id"), r.count("events"), r.count("sessions"), r.count("workflow_runs")))
                .findFirst().orElse(null);
        return new Status(files, counts.count("schema_version"),
                new Status.Contents(counts.count("events"), counts.count("flow_events"), counts.count("identity_links"),
                        counts.count("sign_ins")),
                runs, infer, freshness(c, dbArgument));
    }

    /** The reports' own check (InferInfo.require), told instead of refused. */
    private static Status.Freshness freshness(Connection c, String dbArgument) {
        Rows.Row r = Rows.query(c, "freshness.sql", List.of()).get(0);
        Long latest = r.longOrNull("last_ingest_run_id");
        Long covered = r.longOrNull("infer_last_ingest_run_id");
        String infer = "cli-analytics" + dbArgument + " infer";
        if (r.longOrNull("infer_id") == null) {
            return latest == null
                    ? new Status.Freshness(false, null, "no events yet", "cli-analytics" + dbArgument + " ingest FILE")
                    : new Status.Freshness(false, latest, "infer has not run yet", infer);
        }
        if (latest != null && (covered == null || covered < latest)) {
            return new Status.Freshness(false, latest, "ingest run " + latest + " came after the last infer", infer);
        }
        return new Status.Freshness(true, latest, null, null);
    }
}
