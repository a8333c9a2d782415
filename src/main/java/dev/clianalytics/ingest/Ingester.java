package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.CliAnalyticsException.InputRejected;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.StatementProgress;
import dev.clianalytics.ingest.IngestResult.FileResult;
import dev.clianalytics.ingest.IngestResult.NameCount;
import dev.clianalytics.ingest.IngestResult.ReasonCount;
import dev.clianalytics.ingest.sanitize.FlowEvents;
import dev.clianalytics.ingest.sanitize.IdHasher;
import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.WordGate;
import dev.clianalytics.sql.SqlResources;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads input files into the database as one transaction (SPEC §4): every line is read, validated
 * and sanitized in Java (LineStage, ingest.sanitize), DuckDB loads the staged rows in bulk and
 * sorts out duplicates, conflicts and the write in SQL (sql/staging). Killed at any moment, the
 * database holds all of a run or none of it.
 */
public final class Ingester {
    private static final int FIRST_LOCATIONS = 5;
    /** The reason given in the rejects file for a line whose event reuses an event_id with other content. */
    static final String CONFLICT = "conflicting_event_id";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_.$-]{0,63}");

    private final Database db;
    private final Salt salt;
    private final ForeignReaders readers;
    private final IngestRecords records;
    private final List<String> phases = new ArrayList<>();
    private Map<String, Long> unknownNames = Map.of();
    private long phaseStart;
    private long phaseCpu;
    /** The Java part of the stage step (reading, sanitizing, writing the rows), for ingest -v. */
    private String javaPart = "";
    private WordGate gate = WordGate.OFF;
    private WordGate.Outcome outcome;
    private Map<String, String> loadedReveal = Map.of();

    public Ingester(Database db, Salt salt, ForeignReaders readers) {
        this.db = db;
        this.salt = salt;
        this.readers = readers;
        this.records = new IngestRecords(db);
    }

    public IngestResult run(IngestRequest request, IngestProgress progress) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        if (request.rejectsFile() != null) {
            RejectsFile.checkWritable(request.rejectsFile(), request.overwriteRejects());
        }
        request.inputs().forEach(InputFile::startHashing);
        Connection c = db.connection();
        try {
            try {
                prepareSession();
                phaseStart = System.nanoTime();
                phaseCpu = processCpuNanos();
                // staging writes only TEMP tables, outside the transaction: nothing of it can reach the file
                Staged staged = stage(request, progress);
                c.setAutoCommit(false);
                try {
                    IngestResult result = write(request, staged, started, t0, progress);
                    progress.phase(IngestProgress.Phase.COMMITTING, -1);
                    c.commit();
                    phase("commit");
                    return result;
                } catch (RuntimeException | SQLException e) {
                    Database.rollbackQuietly(c, e);
                    throw e;
                } finally {
                    Database.restoreAutoCommit(c);
                }
            } finally {
                dropStage();
                db.execute("RESET disabled_compression_methods");
            }
        } catch (SQLException e) {
            if (Database.outOfSpace(e)) {
                throw new CliAnalyticsException(db.outOfSpaceMessage("ingest", "nothing was written"), redacted(e));
            }
            if (Database.outOfMemory(e)) {
                throw new CliAnalyticsException(db.outOfMemoryMessage("ingest", "its " + running() + " step",
                        "nothing was written"), redacted(e));
            }
            throw new CliAnalyticsException("ingest failed in the database (" + safeMessage(e)
                    + "); nothing was written", redacted(e));
        }
    }

    /** What staging found before anything is written. */
    private record Staged(List<ReasonCount> reasons, ForeignStage foreign) {}

    private void dropStage() throws SQLException {
        db.execute("DROP TABLE IF EXISTS temp.ca_links");
        db.execute("DROP TABLE IF EXISTS temp.ca_flows");
        db.execute("DROP TABLE IF EXISTS temp.ca_conflicts");
        db.execute("DROP TABLE IF EXISTS temp.ca_repeats");
        db.execute("DROP TABLE IF EXISTS temp.ca_known");
        db.execute("DROP TABLE IF EXISTS temp.ca_overflow");
        db.execute("DROP VIEW IF EXISTS temp.ca_event_lines");
        db.execute("DROP TABLE IF EXISTS temp.ca_foreign_events");
        db.execute("DROP TABLE IF EXISTS temp.ca_foreign_native");
        db.execute("DROP TABLE IF EXISTS temp.ca_foreign");
        db.execute("DROP VIEW IF EXISTS temp.ca_lines");
        db.execute("DROP TABLE IF EXISTS temp.ca_stage");
    }

    /** The write settings of this run, and the staging's macro. */
    private void prepareSession() throws SQLException {
        db.execute(SqlResources.load("sql/staging/content_hash.sql"));
        // FSST analysis of the string columns cost a fifth of writing events; the strings stored
        // repeat (hashes, names, paths, flags) and dictionary compression alone keeps them small,
        // and the keys are fixed-size UUIDs (bench/RESULTS.md, fourth wave)
        db.execute("SET disabled_compression_methods = 'fsst,dict_fsst'");
    }

    private Staged stage(IngestRequest request, IngestProgress progress) throws SQLException {
        List<InputFile> inputs = request.inputs();
        gate = HeldWords.gate(db, salt.hmacKey(), request);
        ForeignStage foreign = new ForeignStage(db, readers,
                new NativeLines("native", salt.hmacKey(), salt.eventKeySecretHex()).withGate(gate),
                new IdHasher(salt.hmacKey()), new FlowEvents(salt.hmacKey(), salt.eventKeySecretHex()));
        try {
            stageFiles(request, progress, foreign);
            phase("stage");
            progress.phase(IngestProgress.Phase.CHECKING, -1);
            foreign.run(request.rejectsFile() != null);
        } finally {
            foreign.close();
        }
        phase("foreign");
        outcome = gate.outcome();
        HeldWords.revealStaged(db, outcome, loadedReveal);
        phase("reveal");
        IngestPositions.define(db, inputs);
        long conflicts = stageKeys();
        phase("keys");
        List<ReasonCount> reasons = rejectReasons(inputs);
        long rejected = reasons.stream().mapToLong(ReasonCount::count).sum();
        if (request.rejectsFile() != null && rejected + conflicts > 0) {
            writeRejects(request);
        }
        phase("rejects");
        if (request.maxRejects() != null && rejected > request.maxRejects()) {
            throw new InputRejected(rejected + " line" + (rejected == 1 ? "" : "s") + " rejected, more than --max-rejects "
                    + request.maxRejects() + "; nothing was written (" + describe(reasons) + ")");
        }
        return new Staged(reasons, foreign);
    }

    private IngestResult write(IngestRequest request, Staged staged, Instant started, long t0, IngestProgress progress)
            throws SQLException {
        List<InputFile> inputs = request.inputs();
        ForeignStage foreign = staged.foreign();
        int runId = queryLong("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").intValue();
        long seqBase = nextSeqBase();
        progress.phase(IngestProgress.Phase.WRITING, -1);
        try (PreparedStatement ps = db.connection().prepareStatement(SqlResources.load("sql/staging/ingest_events.sql"));
                StatementProgress watch = progress == IngestProgress.NONE ? null
                        : StatementProgress.start(db, f -> progress.phase(IngestProgress.Phase.WRITING, f))) {
            ps.setInt(1, runId);
            ps.setLong(2, seqBase);
            ps.executeUpdate();
        }
        progress.phase(IngestProgress.Phase.WRITING, -1);   // the rest: small tables, no estimate
        insertForeign("sql/staging/ingest_flow_events.sql", runId, seqBase);
        insertForeign("sql/staging/ingest_actor_links.sql", runId, null);
        insertForeign("sql/staging/ingest_sign_ins.sql", runId, null);
        phase("insert");
        List<FileResult> files = records.recordFiles(inputs, runId, seqBase, foreign);
        phase("record");
        long unknown = queryLong("SELECT coalesce(sum(unknown_count), 0) FROM ca_stage");
        IngestResult.FlagsDropped flags = records.flagsDropped();
        IngestResult result = new IngestResult(runId, files, unknown, unknownFieldNames(), staged.reasons(),
                foreign.ignoredNames(5), flags, foreign.toolDefaulted(), Duration.ZERO, List.of());
        records.recordRun(runId, request.format().id(), started, result, unknown, flags);
        HeldWords.record(db, runId, gate, outcome);
        phase("ledger");
        return new IngestResult(runId, files, unknown, result.unknownFieldNames(), result.rejectReasons(),
                result.ignoredNames(), flags, result.toolDefaulted(), Duration.ofNanos(System.nanoTime() - t0), phases);
    }

    /** The steps of a run in order, as phase() names them at their end (ingest -v). */
    private static final List<String> STEPS = List.of("stage", "foreign", "reveal", "keys", "rejects", "insert", "record",
            "ledger", "commit");

    /** The step running now: the one after the last that ended. */
    private String running() {
        int done = phases.size();
        return done < STEPS.size() ? STEPS.get(done) : "last";
    }

    private void phase(String name) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        String part = "stage".equals(name) && cpu >= 0 ? javaPart : "";
        phases.add(cpu < 0 ? String.format(java.util.Locale.ROOT, "%s %.2f s", name, (now - phaseStart) / 1e9)
                : String.format(java.util.Locale.ROOT, "%s %.2f s (cpu %.2f s%s)", name, (now - phaseStart) / 1e9,
                        (cpu - phaseCpu) / 1e9, part));
        phaseStart = now;
        phaseCpu = cpu;
    }

    /** CPU time of the whole process (the database's threads included), -1 where unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /**
     * Reads, validates and sanitizes every line of every file in Java (LineStage, in parallel),
     * writes the staged rows (typed, sanitized: nothing raw) to a private temporary CSV file and
     * loads it into TEMP ca_stage in one statement; a row per line, with its number.
     */
    private void stageFiles(IngestRequest request, IngestProgress progress, ForeignStage foreign) throws SQLException {
        List<InputFile> inputs = request.inputs();
        long total = inputs.stream().mapToLong(InputFile::bytes).sum();
        long before = 0;
        dropStage();
        Path rows = null;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        String format = request.format().id();
        try (LineStage lines = new LineStage(() -> new NativeLines(format, salt.hmacKey(), salt.eventKeySecretHex()).withGate(gate), threads,
                foreign.feed())) {
            rows = Files.createTempFile("cli-analytics-stage-", ".csv",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            rows.toFile().deleteOnExit();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(rows), 1 << 16)) {
                for (int i = 0; i < inputs.size(); i++) {
                    InputFile file = inputs.get(i);
                    try {
                        lines.stageFile(file, i, out, before, total, progress);
                    } catch (IOException e) {
                        throw new CliAnalyticsException(unreadableMessage(file, e), e);
                    }
                    before += file.bytes();
                    progress.update(file, 1.0, before, total, -1);
                }
            }
            unknownNames = lines.unknownNames();
            // the staging threads' caches (ids, error types) and the buffers of the chunks are
            // garbage now: give the heap back before DuckDB's load, so the two do not add up in
            // the peak RSS (docs/ingest.md, "Memory")
            lines.close();
            HeapRelease.release();
            javaPart = String.format(java.util.Locale.ROOT, "; rows staged in Java %.2f s (cpu %.2f s)",
                    (System.nanoTime() - phaseStart) / 1e9, (processCpuNanos() - phaseCpu) / 1e9);
            loadedReveal = HeldWords.revealWhileLoading(db, gate);
            // every later use of ca_stage orders by file and line itself; keeping the file's order
            // while loading it in parallel buffers row groups in memory that grow with the input,
            // beyond the memory limit at 100M events (docs/scale.md)
            db.execute("SET preserve_insertion_order = false");
            try (PreparedStatement ps = db.connection().prepareStatement("CREATE TEMP TABLE ca_stage AS "
                    + StageRows.select(!loadedReveal.isEmpty()))) {
                ps.setString(1, rows.toAbsolutePath().toString());
                ps.execute();
            } finally {
                db.execute("RESET preserve_insertion_order");
            }
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write the staged lines to a temporary file (" + e.getMessage()
                    + "); nothing was written", e);
        } finally {
            if (rows != null) {
                try {
                    Files.deleteIfExists(rows);
                } catch (IOException ignored) {
                    // private (mode 600), sanitized rows only; deleted on exit at the latest
                }
            }
        }
        db.execute("CREATE TEMP VIEW ca_lines AS SELECT * FROM ca_stage");
    }

    /** Why a file could not be read; never quotes its content. */
    private static String unreadableMessage(InputFile file, IOException e) {
        if (file.gzip() && (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException)) {
            return "input file " + file.displayName() + " is not a complete gzip file; nothing was written";
        }
        return "cannot read input file " + file.displayName() + ": " + e.getMessage() + "; nothing was written";
    }

    /** Flow events, actor links or sign-ins of the run from the readers' output (ForeignStage); returns rows written. */
    private long insertForeign(String sqlFile, int runId, Long seqBase) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(SqlResources.load(sqlFile))) {
            ps.setInt(1, runId);
            if (seqBase != null) {
                ps.setLong(2, seqBase);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * Sorts out the keys of the run before anything is written: events whose key is stored already
     * (TEMP ca_known), keys repeated within the run (ca_repeats), and of those the events whose
     * content differs from the key's first event (ca_conflicts); the flow events (ca_flows) and the
     * alias and identify calls (ca_links) with what becomes of each. Returns the number of conflicts,
     * command and flow events together.
     */
    private long stageKeys() throws SQLException {
        db.execute("CREATE TEMP TABLE ca_known AS " + SqlResources.load("sql/staging/stg_known_keys.sql"));
        db.execute("CREATE TEMP TABLE ca_repeats AS " + SqlResources.load("sql/staging/stg_repeated_keys.sql"));
        if (queryLong("SELECT (SELECT count(*) FROM ca_known) + (SELECT count(*) FROM ca_repeats)") == 0) {
            db.execute("CREATE TEMP TABLE ca_conflicts (file_index INTEGER, line_no BIGINT, index_in_line INTEGER)");
        } else {
            db.execute("CREATE TEMP TABLE ca_conflicts AS " + SqlResources.load("sql/staging/stg_conflicts.sql"));
        }
        // flow events and identity calls are judged the same way: stored, duplicate or conflict
        db.execute("CREATE TEMP TABLE ca_flows AS " + SqlResources.load("sql/staging/stg_flows.sql"));
        db.execute("INSERT INTO ca_conflicts SELECT file_index, line_no, index_in_line FROM ca_flows WHERE outcome = 'conflict'");
        db.execute("CREATE TEMP TABLE ca_links AS " + SqlResources.load("sql/staging/stg_links.sql"));
        return queryLong("SELECT count(*) FROM ca_conflicts");
    }

    private List<ReasonCount> rejectReasons(List<InputFile> inputs) throws SQLException {
        Map<String, List<String>> firsts = new LinkedHashMap<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT reason, file_index, line_no FROM ca_lines WHERE reason IS NOT NULL"
                        + " QUALIFY row_number() OVER (PARTITION BY reason ORDER BY file_index, line_no) <= "
                        + FIRST_LOCATIONS + " ORDER BY reason, file_index, line_no")) {
            while (rs.next()) {
                firsts.computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                        .add(inputs.get(rs.getInt(2)).displayName() + ":" + rs.getLong(3));
            }
        }
        List<ReasonCount> reasons = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT reason, count(*) FROM ca_stage WHERE reason IS NOT NULL"
                        + " GROUP BY reason ORDER BY count(*) DESC, reason")) {
            while (rs.next()) {
                reasons.add(new ReasonCount(rs.getString(1), rs.getLong(2), firsts.getOrDefault(rs.getString(1), List.of())));
            }
        }
        return reasons;
    }

    /**
     * The --rejects file: every rejected line, and every line holding an event whose event_id
     * conflicts with another event (conflicting_event_id), in input order. No line's text was kept
     * by staging: each is read back from its file, in one forward pass per file.
     */
    private void writeRejects(IngestRequest request) throws SQLException {
        List<InputFile> inputs = request.inputs();
        InputLines.Cursor cursor = null;
        int cursorFile = -1;
        try (RejectsFile out = RejectsFile.create(request.rejectsFile(), request.overwriteRejects());
                Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT file_index, line_no, reason FROM ca_stage WHERE reason IS NOT NULL"
                        + " UNION ALL SELECT DISTINCT file_index, line_no, '" + CONFLICT + "' FROM ca_conflicts"
                        + " ORDER BY file_index, line_no, reason")) {
            while (rs.next()) {
                int file = rs.getInt(1);
                if (file != cursorFile) {
                    if (cursor != null) {
                        cursor.close();
                    }
                    cursor = InputLines.cursor(inputs.get(file));
                    cursorFile = file;
                }
                out.write(new Reject(inputs.get(file).displayName(), rs.getLong(2), rs.getString(3), cursor.line(rs.getLong(2))));
            }
        } finally {
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    /** The first ingest_seq of a new run: a fresh 2^40 block per file, after everything stored. */
    private long nextSeqBase() throws SQLException {
        long max = queryLong("SELECT coalesce(max(s), -1) FROM (SELECT max(ingest_seq) AS s FROM events"
                + " UNION ALL SELECT max(ingest_seq) FROM flow_events)");
        return ((max >> IngestPositions.FILE_BITS) + 1) << IngestPositions.FILE_BITS;
    }

    /** Unknown field names, most frequent first (of the 50 most frequent, those that look like identifiers). */
    private List<NameCount> unknownFieldNames() {
        return unknownNames.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(50)
                .filter(e -> IDENTIFIER.matcher(e.getKey()).matches())
                .limit(5)
                .map(e -> new NameCount(e.getKey(), e.getValue()))
                .toList();
    }

    private Long queryLong(String sql) throws SQLException {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database error without its message (which may quote input), keeping where it happened. */
    static SQLException redacted(SQLException e) {
        SQLException safe = new SQLException(safeMessage(e) + " (details withheld: they may quote input)");
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    /**
     * What kind of database error this was ("Conversion Error"), without its details: DuckDB's
     * messages may quote input, which may hold secrets. --verbose shows the cause.
     */
    static String safeMessage(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(':');
        String kind = colon < 0 ? "" : m.substring(0, colon).strip();
        return kind.matches("[A-Za-z ]{1,40}") ? kind : "database error";
    }

    static String describe(List<ReasonCount> reasons) {
        StringBuilder b = new StringBuilder();
        for (ReasonCount r : reasons) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(r.reason()).append(' ').append(r.count()).append(" (").append(String.join(", ", r.firstLocations()))
                    .append(r.count() > r.firstLocations().size() ? ", …" : "").append(')');
        }
        return b.toString();
    }
}
