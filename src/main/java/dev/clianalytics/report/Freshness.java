package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the derived tables describe the stored data. They are stale when an ingest after the
 * last infer stored something infer reads (events, flow events, identity links, sign-ins); an ingest that
 * stored nothing leaves them current.
 *
 * @param infer the infer run the tables come from; null when infer never ran
 * @param ingested whether any ingest ran on the database
 * @param lastIngestRunId the newest ingest run, null when none
 * @param wordsTakenBack stored words the upgrade to schema 14 took back after the last infer (it
 *     emptied the derived tables, which held them)
 */
public record Freshness(InferInfo infer, boolean ingested, Long lastIngestRunId, long newEvents, long newFlowEvents,
        long newLinks, long newSignIns, long wordsTakenBack) {

    public static Freshness read(Connection c) {
        Rows.Row r = Rows.query(c, "freshness.sql", List.of()).get(0);
        InferInfo infer = null;
        if (r.longOrNull("infer_id") != null) {
            Boolean given = r.flag("as_of_given");
            infer = new InferInfo(r.count("infer_id"), r.instant("finished_at"), r.count("session_timeout_ms"),
                    r.instant("as_of"), given != null && given, r.text("workflows_file"),
                    r.longOrNull("infer_last_ingest_run_id"), new InferInfo.Ingested(r.count("rejected_lines"),
                    r.count("ignored_records"), r.count("flow_events"), r.count("identity_links")));
        }
        Long lastIngest = r.longOrNull("last_ingest_run_id");
        return new Freshness(infer, lastIngest != null, lastIngest, r.count("new_events"), r.count("new_flow_events"),
                r.count("new_links"), r.count("new_sign_ins"), r.count("words_taken_back"));
    }

    /** Infer ran and nothing it reads was stored since. */
    public boolean current() {
        return infer != null && newEvents == 0 && newFlowEvents == 0 && newLinks == 0 && newSignIns == 0 && wordsTakenBack == 0;
    }

    /** What was stored since the last infer, e.g. "12 new events and 1 new identity link"; "no new data" when nothing. */
    public String whatIsNew() {
        List<String> parts = new ArrayList<>();
        count(parts, newEvents, "event");
        count(parts, newFlowEvents, "flow event");
        count(parts, newLinks, "identity link");
        count(parts, newSignIns, "sign-in");
        if (wordsTakenBack > 0) {
            parts.add(String.format(Locale.ROOT, "%,d stored command word%s taken back by the upgrade", wordsTakenBack,
                    wordsTakenBack == 1 ? "" : "s"));
        }
        if (parts.isEmpty()) {
            return "no new data";
        }
        String last = parts.remove(parts.size() - 1);
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }

    private static void count(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(String.format(Locale.ROOT, "%,d new %s%s", n, what, n == 1 ? "" : "s"));
        }
    }

    /**
     * The infer run, when the tables are current; otherwise the error that says which command fixes
     * them ({@code dbArgument}: " --db FILE" when not the default database, so the command works as printed).
     */
    public InferInfo require(String dbArgument) {
        if (current()) {
            return infer;
        }
        String fix = "run 'cli-analytics" + dbArgument + " infer'";
        if (infer == null) {
            if (!ingested) {
                throw new CliAnalyticsException("the database holds no events yet: run 'cli-analytics" + dbArgument
                        + " ingest FILE', then 'cli-analytics" + dbArgument + " infer'");
            }
            throw new CliAnalyticsException("infer has not run on this database yet, so there is nothing to report: " + fix);
        }
        Long covered = infer.lastIngestRunId();
        throw new CliAnalyticsException("the derived tables are older than the last ingest (" + whatIsNew()
                + " since the last infer, which covers ingest run " + (covered == null ? "none" : covered)
                + ", the latest is " + lastIngestRunId + "): " + fix + " to bring them up to date");
    }
}
