package dev.clianalytics.report;

import java.sql.Connection;
import java.util.List;

/** Reads what 'status' shows from a database opened read-only. */
public final class StatusReport {
    private StatusReport() {}

    /** files and freshness as the caller found them (the reports' own check, cli/CurrentTables). */
    public static Status read(Connection c, Status.Files files, Status.Freshness freshness) {
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
                runs, infer, freshness);
    }
}
