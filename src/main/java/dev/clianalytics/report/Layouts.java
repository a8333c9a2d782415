package dev.clianalytics.report;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Field;
import dev.clianalytics.report.Section.Fields;
import dev.clianalytics.report.Section.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays the report records out as sections, in output order, with their JSON/CSV keys (the seed
 * system's names where it had them, our earlier names kept as aliases) and their table/markdown labels.
 */
public final class Layouts {
    private Layouts() {}

    public static Document summary(Summary s) {
        Summary.Totals t = s.totals();
        List<Section> sections = new ArrayList<>();
        sections.add(new Fields("totals", "Totals", true, List.of(
                new Field("total_events", "events", Kind.COUNT, t.events()),
                new Field("total_sessions", "sessions", Kind.COUNT, t.sessions()),
                new Field("total_workflows", "workflow runs", Kind.COUNT, t.workflowRuns()),
                new Field("total_actors", "actors", Kind.COUNT, t.actors()),
                new Field("total_machines", "machines", Kind.COUNT, t.machines()),
                new Field("total_tools", "tools", Kind.COUNT, t.tools()),
                new Field("rejected_lines", "rejected lines (all ingests)", Kind.COUNT, t.ingested().rejectedLines()),
                new Field("ignored_records", "ignored records (all ingests)", Kind.COUNT, t.ingested().ignoredRecords()),
                new Field("flow_events", "flow events", Kind.COUNT, t.ingested().flowEvents()),
                new Field("identity_links", "identity links", Kind.COUNT, t.ingested().identityLinks()),
                new Field("first_event_at", "first event (UTC)", Kind.TIMESTAMP, t.firstEventAt()),
                new Field("last_event_at", "last event (UTC)", Kind.TIMESTAMP, t.lastEventAt()),
                new Field("ci_event_share", "events from CI", Kind.PERCENT, Percent.of(t.ciEvents(), t.events())))));
        sections.add(outcomes(t.success(), t.failed(), t.abandoned(), t.inProgress()));
        sections.add(new Fields("recovery", "Recovery", false, List.of(
                new Field("failed_runs", "failed runs", Kind.COUNT, t.failed()),
                new Field("recovered_runs", "recovered later", Kind.COUNT, t.recovered()),
                new Field("recovery_rate", "recovery rate", Kind.PERCENT, Percent.of(t.recovered(), t.failed())),
                new Field("median_time_to_recover_ms", "median time to recover", Kind.DURATION_MS,
                        t.medianTimeToRecoverMs()))));
        sections.add(new Table("top_workflows", "Top workflows", List.of(
                new Column("workflow_name", "workflow", Kind.NAME, List.of("name")),
                new Column("total_runs", "runs", Kind.COUNT),
                new Column("success_count", "ok", Kind.COUNT),
                new Column("failed_count", "failed", Kind.COUNT),
                new Column("abandoned_count", "abandoned", Kind.COUNT),
                new Column("in_progress_count", "in progress", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT),
                new Column("median_duration_ms", "median", Kind.DURATION_MS)),
                s.topWorkflows().stream().map(w -> row(w.name(), w.totalRuns(), w.successCount(), w.failedCount(),
                        w.abandonedCount(), w.inProgressCount(), Percent.of(w.successCount(), w.totalRuns()),
                        w.medianDurationMs())).toList()));
        sections.add(fingerprints(s.hotPaths()));
        sections.add(ngrams(s.hotPaths()));
        sections.add(InsightLayouts.regressions(s.regressions()));
        sections.add(infer(s.infer()));
        sections.add(filter(s.filter()));
        return new Document("Summary", sections);
    }

    public static Document hotPaths(HotPaths h, InferInfo infer, ReportFilter f) {
        return new Document("Failure hot paths", List.of(fingerprints(h), ngrams(h), infer(infer), filter(f)));
    }

    public static Document workflow(WorkflowReport w) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Fields("overview", "Overview", true, List.of(
                new Field("workflow_name", "workflow", Kind.TEXT, w.name()),
                new Field("total_runs", "runs", Kind.COUNT, w.totalRuns()),
                new Field("success_rate", "success rate", Kind.PERCENT, Percent.of(w.success(), w.totalRuns())),
                new Field("median_duration_ms", "median duration (successes)", Kind.DURATION_MS, w.medianDurationMs()),
                new Field("p90_duration_ms", "p90 duration (successes)", Kind.DURATION_MS, w.p90DurationMs()),
                new Field("recovered_runs", "failed runs recovered later", Kind.COUNT, w.recovered()))));
        sections.add(outcomes(w.success(), w.failed(), w.abandoned(), w.inProgress()));
        sections.add(new Table("common_paths", "Common paths", List.of(
                new Column("count", "runs", Kind.COUNT, List.of("runs")),
                new Column("success_count", "ok", Kind.COUNT),
                new Column("failed_count", "failed", Kind.COUNT),
                new Column("path", "fingerprint", Kind.PATH, List.of("fingerprint"))),
                w.commonPaths().stream().map(p -> row(p.runs(), p.successCount(), p.failedCount(), p.fingerprint()))
                        .toList()));
        sections.add(new Table("stops", "Where runs stop", List.of(
                new Column("stopped_after_step", "after step", Kind.COUNT),
                new Column("runs", "runs", Kind.COUNT),
                new Column("SUCCESS", "ok", Kind.COUNT),
                new Column("FAILED", "failed", Kind.COUNT),
                new Column("ABANDONED", "abandoned", Kind.COUNT),
                new Column("IN_PROGRESS", "in progress", Kind.COUNT)),
                w.stops().stream().map(s -> row(s.stoppedAfterStep(), s.runs(), s.success(), s.failed(), s.abandoned(),
                        s.inProgress())).toList()));
        sections.add(new Table("top_error_types", "Errors that ended failed runs", List.of(
                new Column("failed_runs", "failed runs", Kind.COUNT),
                new Column("error_type", "error type", Kind.MESSAGE)),
                w.errors().stream().map(e -> row(e.failedRuns(), e.errorType())).toList()));
        // share: of all the workflow's failed runs in scope, like success_rate of all its runs
        sections.add(new Table("failure_sources", "Where failed runs failed (error source)", List.of(
                new Column("error_source", "source", Kind.NAME),
                new Column("failed_runs", "failed runs", Kind.COUNT),
                new Column("share", "share", Kind.PERCENT)),
                w.failureSources().stream().map(s -> row(s.errorSource(), s.failedRuns(),
                        Percent.of(s.failedRuns(), w.failed()))).toList()));
        sections.add(new Table("failure_http_statuses", "HTTP statuses of failed runs", List.of(
                new Column("http_status", "HTTP status", Kind.TEXT),
                new Column("failed_runs", "failed runs", Kind.COUNT),
                new Column("share", "share", Kind.PERCENT)),
                w.failureStatuses().stream().map(s -> row(s.httpStatus(), s.failedRuns(),
                        Percent.of(s.failedRuns(), w.failed()))).toList()));
        sections.add(new Table("tool_versions", "Success by tool version", List.of(
                new Column("tool_name", "tool", Kind.NAME),
                new Column("tool_version", "version", Kind.NAME),
                new Column("total_runs", "runs", Kind.COUNT),
                new Column("success_count", "ok", Kind.COUNT),
                new Column("failed_count", "failed", Kind.COUNT),
                new Column("success_rate", "success", Kind.PERCENT)),
                w.versions().stream().map(v -> row(v.toolName(), v.toolVersion(), v.totalRuns(), v.successCount(),
                        v.failedCount(), Percent.of(v.successCount(), v.totalRuns()))).toList()));
        sections.add(new Table("recent_runs", "Recent runs", List.of(
                new Column("id", "id", Kind.TEXT),
                new Column("outcome", "outcome", Kind.TEXT),
                new Column("started_at", "started (UTC)", Kind.TIMESTAMP),
                new Column("duration_ms", "duration", Kind.DURATION_MS),
                new Column("step_count", "steps", Kind.COUNT)),
                w.recentRuns().stream().map(r -> row(r.id(), r.outcome(), r.startedAt(), r.durationMs(), r.stepCount()))
                        .toList()));
        sections.add(infer(w.infer()));
        sections.add(filter(w.filter()));
        return new Document("Workflow " + w.name(), sections);
    }

    /** status: every section nested under its key (no report's totals at the top level here). */
    public static Document status(Status s) {
        Status.Files f = s.files();
        Status.Contents c = s.contents();
        Status.LastInfer i = s.lastInfer();
        Status.Freshness fresh = s.freshness();
        boolean ran = i != null;
        return new Document("Status", List.of(
                new Fields("database", "Database", false, List.of(
                        new Field("path", "file", Kind.TEXT, f.database()),
                        new Field("schema_version", "schema version", Kind.COUNT, s.schemaVersion()),
                        new Field("database_bytes", "size", Kind.BYTES, f.databaseBytes()),
                        new Field("wal_bytes", "write-ahead log", Kind.BYTES, f.walBytes()),
                        new Field("salt_file_present", "salt file", Kind.FLAG, f.saltFilePresent()),
                        new Field("salt_source", "salt taken from", Kind.TEXT, f.saltSource()))),
                new Fields("contents", "Stored", false, List.of(
                        new Field("events", "events", Kind.COUNT, c.events()),
                        new Field("flow_events", "flow events", Kind.COUNT, c.flowEvents()),
                        new Field("identity_links", "identity links", Kind.COUNT, c.identityLinks()),
                        new Field("sign_ins", "sign-ins", Kind.COUNT, c.signIns()))),
                new Table("ingest_runs", "Ingest runs", List.of(
                        // short labels: the table fits 80 columns for runs of up to 99,999 lines
                        new Column("run_id", "#", Kind.TEXT),
                        new Column("started_at", "started (UTC)", Kind.TIMESTAMP),
                        new Column("files", "files", Kind.COUNT),
                        new Column("stored", "stored", Kind.COUNT),
                        new Column("duplicates", "duplicate", Kind.COUNT),
                        new Column("conflicts", "conflict", Kind.COUNT),
                        new Column("rejected", "rejected", Kind.COUNT),
                        new Column("ignored", "ignored", Kind.COUNT)),
                        s.ingestRuns().stream().map(r -> row(r.runId(), r.startedAt(), r.files(), r.stored(),
                                r.duplicates(), r.conflicts(), r.rejected(), r.ignored())).toList()),
                new Fields("last_infer", "Last infer", false, List.of(
                        new Field("infer_id", "run", Kind.TEXT, ran ? i.inferId() : null),
                        new Field("finished_at", "finished (UTC)", Kind.TIMESTAMP, ran ? i.finishedAt() : null),
                        new Field("session_timeout_ms", "session timeout", Kind.DURATION_MS, ran ? i.sessionTimeoutMs() : null),
                        new Field("as_of", "as of (UTC)", Kind.TIMESTAMP, ran ? i.asOf() : null),
                        new Field("as_of_given", "as of given", Kind.FLAG, ran ? i.asOfGiven() : null),
                        new Field("workflows_file", "workflows file", Kind.TEXT, ran ? i.workflowsFile() : null),
                        new Field("last_ingest_run_id", "covers ingest runs up to", Kind.TEXT, ran ? i.lastIngestRunId() : null),
                        new Field("events", "events", Kind.COUNT, ran ? i.events() : null),
                        new Field("sessions", "sessions", Kind.COUNT, ran ? i.sessions() : null),
                        new Field("workflow_runs", "workflow runs", Kind.COUNT, ran ? i.workflowRuns() : null))),
                new Fields("reports", "Reports", false, List.of(
                        new Field("current", "current", Kind.FLAG, fresh.current()),
                        new Field("latest_ingest_run_id", "latest ingest run", Kind.TEXT, fresh.latestIngestRunId()),
                        new Field("reason", "why not", Kind.TEXT, fresh.reason()),
                        new Field("next_step", "next step", Kind.TEXT, fresh.nextStep())))));
    }

    private static Fields outcomes(long success, long failed, long abandoned, long inProgress) {
        return new Fields("outcomes", "Outcomes of workflow runs", false, List.of(
                new Field("SUCCESS", "success", Kind.COUNT, success),
                new Field("FAILED", "failed", Kind.COUNT, failed),
                new Field("ABANDONED", "abandoned", Kind.COUNT, abandoned),
                new Field("IN_PROGRESS", "in progress", Kind.COUNT, inProgress)));
    }

    private static Table fingerprints(HotPaths h) {
        return new Table("failure_hot_paths", "Failure hot paths (fingerprints of failed runs)", List.of(
                new Column("rank", "#", Kind.COUNT),
                new Column("failure_count", "failures", Kind.COUNT),
                new Column("distinct_actors", "actors", Kind.COUNT),
                new Column("workflow_name", "workflow", Kind.NAME),
                new Column("command_fingerprint", "fingerprint", Kind.PATH)),
                h.fingerprints().stream().map(f -> row(f.rank(), f.failureCount(), f.distinctActors(), f.workflowName(),
                        f.fingerprint())).toList());
    }

    private static Table ngrams(HotPaths h) {
        return new Table("failing_ngrams", "Failing step sequences (n-grams ending at a failure)", List.of(
                new Column("rank", "#", Kind.COUNT),
                new Column("failure_count", "failures", Kind.COUNT),
                new Column("occurrence_count", "seen", Kind.COUNT),
                new Column("failure_rate", "fail %", Kind.PERCENT),
                new Column("distinct_actors", "actors", Kind.COUNT),
                new Column("n", "n", Kind.COUNT),
                new Column("top_error_type", "top error", Kind.MESSAGE),
                new Column("ngram", "steps", Kind.PATH)),
                h.ngrams().stream().map(g -> row(g.rank(), g.failureCount(), g.occurrenceCount(),
                        Percent.of(g.failureCount(), g.occurrenceCount()), g.distinctActors(), g.n(), g.topErrorType(),
                        g.ngram())).toList());
    }

    /** The settings only, not when infer ran: the same events and settings give byte-identical reports (SPEC §5). */
    static Fields infer(InferInfo i) {
        return new Fields("infer", "Computed by infer with", false, List.of(
                new Field("session_timeout_ms", "session timeout", Kind.DURATION_MS, i.sessionTimeoutMs()),
                new Field("as_of", "as of (UTC)", Kind.TIMESTAMP, i.asOf()),
                new Field("as_of_given", "as of given", Kind.FLAG, i.asOfGiven()),
                new Field("workflows_file", "workflows file", Kind.TEXT, i.workflowsFile()),
                new Field("last_ingest_run_id", "covers ingest runs up to", Kind.TEXT, i.lastIngestRunId())));
    }

    static Fields filter(ReportFilter f) {
        return new Fields("filters", "Filters", false, List.of(
                new Field("tool", "tool", Kind.TEXT, f.tool()),
                new Field("since", "since (UTC)", Kind.TIMESTAMP, f.since()),
                new Field("until", "until (UTC)", Kind.TIMESTAMP, f.until()),
                new Field("exclude_ci", "exclude CI", Kind.FLAG, f.excludeCi())));
    }

    static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }
}
