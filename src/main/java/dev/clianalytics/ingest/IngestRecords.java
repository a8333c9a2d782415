package dev.clianalytics.ingest;

import dev.clianalytics.db.Database;
import dev.clianalytics.ingest.IngestResult.FileResult;
import dev.clianalytics.sql.SqlResources;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The accounting at the end of an ingest run, inside its transaction: what each file held and what
 * became of its records (ingest_files), the run's counts (ingest_runs) and what the privacy rules
 * did (the ledger, privacy_ledger.sql). Reads the run's staging tables; writes counts only.
 */
final class IngestRecords {
    private final Database db;

    IngestRecords(Database db) {
        this.db = db;
    }

    /** Flag names the privacy rules did not keep in the run's events (§4.1), malformed or naming a secret. */
    IngestResult.FlagsDropped flagsDropped() throws SQLException {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(sum(flags_malformed), 0), coalesce(sum(flags_dropped), 0)"
                        + " FROM (SELECT flags_malformed, flags_dropped FROM ca_stage WHERE flags_dropped > 0"
                        + " UNION ALL SELECT flags_malformed, flags_dropped FROM ca_foreign_events WHERE flags_dropped > 0)")) {
            rs.next();
            return new IngestResult.FlagsDropped(rs.getLong(1), rs.getLong(2) - rs.getLong(1));
        }
    }

    /**
     * Records what each file held and what became of each of its records (ingest_files), and checks
     * that the run's positions are distinct (they are by construction; never commit if not).
     */
    List<FileResult> recordFiles(List<InputFile> inputs, int runId, long seqBase, ForeignStage foreign)
            throws SQLException {
        long[] stored = new long[inputs.size()];
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT (ingest_seq - ?) >> " + IngestPositions.FILE_BITS + ", count(*), count(DISTINCT ingest_seq)"
                        + " FROM events WHERE run_id = ? GROUP BY 1")) {
            ps.setLong(1, seqBase);
            ps.setInt(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored[rs.getInt(1)] = rs.getLong(2);
                    if (rs.getLong(3) != rs.getLong(2)) {
                        throw new IllegalStateException("ingest positions collide in file " + rs.getInt(1));
                    }
                }
            }
        }
        FileResult[] files = new FileResult[inputs.size()];
        for (int i = 0; i < files.length; i++) {
            // an empty file has no staged line
            files[i] = new FileResult(inputs.get(i).displayName(), inputs.get(i).bytes(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
        }
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery(SqlResources.load("sql/staging/stg_file_counts.sql"))) {
            while (rs.next()) {
                int i = rs.getInt("file_index");
                InputFile in = inputs.get(i);
                // a command event accepted but not stored repeats a stored one: a duplicate, unless a conflict
                long duplicates = rs.getLong("command_events") - stored[i] - rs.getLong("command_conflicts")
                        + rs.getLong("flow_duplicates") + rs.getLong("link_duplicates");
                files[i] = new FileResult(in.displayName(), in.bytes(), rs.getLong("lines"), rs.getLong("records"),
                        stored[i], foreign.merged(i), rs.getLong("flow_events"), rs.getLong("links"), foreign.ignored(i),
                        duplicates, rs.getLong("command_conflicts") + rs.getLong("flow_conflicts"), rs.getLong("rejected"),
                        rs.getLong("foreign_lines") > 0);
            }
        }
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO ingest_files (run_id, file_index, file_name, content_sha256, bytes, lines, accepted,"
                        + " rejected, duplicates, conflicts, records, merged, flow_events, links, ignored)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < inputs.size(); i++) {
                InputFile in = inputs.get(i);
                FileResult f = files[i];
                ps.setInt(1, runId);
                ps.setInt(2, i);
                ps.setString(3, in.baseName());
                ps.setString(4, in.sha256());
                long[] counts = {in.bytes(), f.lines(), f.accepted(), f.rejected(), f.duplicates(), f.conflicts(),
                    f.records(), f.merged(), f.flowEvents(), f.links(), f.ignored()};
                for (int k = 0; k < counts.length; k++) {
                    ps.setLong(5 + k, counts[k]);
                }
                ps.executeUpdate();
            }
        }
        return List.of(files);
    }

    /** The run's row of ingest_runs and its privacy ledger. */
    void recordRun(int runId, String format, Instant started, IngestResult result, long unknown,
            IngestResult.FlagsDropped flags) throws SQLException {
        Instant finished = Instant.now();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO ingest_runs (run_id, started_at, finished_at, format, accepted, rejected, duplicates,"
                        + " unknown_fields, ignored, conflicts, records, merged, flow_events, links, flags_dropped)"
                        + " VALUES (?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, runId);
            // ISO-8601 instants: independent of the JVM's time zone
            ps.setString(2, started.toString());
            ps.setString(3, finished.toString());
            ps.setString(4, format);
            long[] counts = {result.accepted(), result.rejected(), result.duplicates(), unknown, result.ignored(),
                result.conflicts(), result.records(), result.merged(), result.flowEvents(), result.links(), flags.total()};
            for (int i = 0; i < counts.length; i++) {
                ps.setLong(5 + i, counts[i]);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.connection().prepareStatement(SqlResources.load("sql/staging/privacy_ledger.sql"))) {
            ps.setInt(1, runId);
            ps.setLong(2, flags.secret());
            ps.setLong(3, flags.malformed());
            ps.executeUpdate();
        }
    }
}
