package dev.clianalytics.infer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.StatementProgress;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every derived table from events (SPEC §5) by running the SQL layers in order:
 * settings into TEMP tables, intermediate models as TEMP tables, then the marts, all in one
 * transaction. A failed or killed run leaves the previous results as they were.
 */
public final class InferService {
    /** Derived tables, emptied and refilled by every run. */
    static final List<String> MARTS = List.of(
            "workflow_step_rows", "workflow_step_triples", "workflow_runs", "sessions", "hot_paths_fingerprint",
            "hot_paths_ngram", "summary_totals", "workflow_stats",
            "funnels", "funnel_steps", "funnel_attempts", "funnel_drop_off_commands");

    /**
     * The models in dependency order: intermediate ones become TEMP tables (or a TEMP view, read
     * by the next model in the same query, so its rows are never written out), marts are inserted
     * into their table. Each step names the TEMP tables no later step reads, dropped to free memory.
     */
    private static final List<Step> STEPS = List.of(
            Step.temp("int_actor_identity"),
            Step.temp("int_actor_machines"),
            Step.temp("int_step_names"),
            Step.temp("int_versions"),
            Step.temp("int_run_names"),
            Step.temp("int_hints"),
            Step.view("int_events_sessionized"),
            Step.temp("int_steps"),
            Step.temp("int_pair_offsets"),
            Step.temp("int_step_triples"),
            Step.temp("int_runs"),
            Step.temp("int_fingerprints"),
            Step.temp("int_funnel_events"),
            Step.staged("workflow_step_rows", "int_steps", "int_pair_offsets"),
            Step.mart("workflow_step_triples", "int_step_triples"),
            Step.mart("workflow_runs", "int_fingerprints", "int_versions", "int_run_names"),
            Step.mart("sessions"),
            Step.mart("funnels"),
            Step.mart("funnel_steps"),
            Step.mart("funnel_attempts", "int_funnel_events"),
            Step.mart("funnel_drop_off_commands"));

    /**
     * Suffix of a staged mart's new table: written before the transaction (committed data can
     * spill, and the intermediates it read are then dropped for good, where a DROP inside the
     * transaction would keep them in memory until the commit), swapped in by the transaction.
     */
    static final String STAGED_SUFFIX = "_new";

    private record Step(String model, boolean mart, boolean view, boolean staged, String... drops) {
        static Step temp(String model, String... drops) {
            return new Step(model, false, false, false, drops);
        }

        static Step view(String model) {
            return new Step(model, false, true, false);
        }

        static Step mart(String model, String... drops) {
            return new Step(model, true, false, false, drops);
        }

        /** A mart written into its new table before the transaction, which swaps it in. */
        static Step staged(String model, String... drops) {
            return new Step(model, true, false, true, drops);
        }

        /** Run before the transaction: intermediates and staged marts. */
        boolean early() {
            return !mart || staged;
        }

        String sql() {
            return SqlResources.load((mart ? "sql/marts/" : "sql/intermediate/") + model + ".sql");
        }
    }

    private static final List<String> SETTINGS_TABLES = concat(List.of(
            "infer_settings", "infer_entry_commands", "infer_terminal_commands", "infer_workflow_names"),
            FunnelSettings.TABLES);


    /** Which model failed, for the message. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String model, SQLException cause) {
            super(model, cause);
        }
    }

    private InferService() {}

    public static InferResult run(Database db, InferSettings settings) {
        return run(db, settings, InferProgress.NONE);
    }

    /** As {@link #run(Database, InferSettings)}, telling {@code progress} which step runs and how far it is. */
    public static InferResult run(Database db, InferSettings settings, InferProgress progress) {
        return run(db, settings, model -> { }, progress);
    }

    /** As {@link #run(Database, InferSettings)}, calling {@code afterModel} after each model (tests fail there). */
    static InferResult run(Database db, InferSettings settings, java.util.function.Consumer<String> afterModel) {
        return run(db, settings, afterModel, InferProgress.NONE);
    }

    static InferResult run(Database db, InferSettings settings, java.util.function.Consumer<String> afterModel,
            InferProgress progress) {
        Steps steps = new Steps(progress, STEPS.size() + AFTER_MODELS.size());
        try (StatementProgress watch = progress == InferProgress.NONE ? null : StatementProgress.start(db, steps::estimate)) {
            return build(db, settings, afterModel, steps);
        }
    }

    /** The steps after the models, as progress names them. */
    static final List<String> AFTER_MODELS = List.of("hot_paths_fingerprint", "hot_paths_ngram", "summary_totals", "commit");

    /** Which step runs, for the progress listener: told at each start, and with the database's estimate. */
    private static final class Steps {
        private record Current(int step, String name) {}

        private final InferProgress progress;
        private final int total;
        private volatile Current current = new Current(0, "");

        Steps(InferProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void start(String name) {
            Current next = new Current(current.step() + 1, name);
            current = next;
            progress.update(next.step(), total, name, -1);
        }

        void estimate(double fraction) {
            Current now = current;
            if (now.step() > 0) {
                progress.update(now.step(), total, now.name(), fraction);
            }
        }
    }

    private static InferResult build(Database db, InferSettings settings, java.util.function.Consumer<String> afterModel,
            Steps steps) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Connection c = db.connection();
        Map<String, Duration> timings = new LinkedHashMap<>();
        String[] step = {"settings"};
        try {
            // The TEMP intermediates are built first, each committed on its own: data of an open
            // transaction stays in memory, committed TEMP data can spill to disk. Only this
            // connection sees them, and it holds the database's write lock, so events cannot change.
            Instant asOf = settings.asOf() != null ? settings.asOf() : latestEventEnd(c);
            // derived rows have no physical order (readers ORDER BY ids); not keeping one saves memory
            db.execute("SET preserve_insertion_order = false");
            // FSST analysis of every string column costs a third of writing the tables, and the
            // derived strings (names, n-grams, fingerprints, hashes) repeat: dictionary compression
            // alone stores them as small (bench/RESULTS.md, third wave)
            db.execute("SET disabled_compression_methods = 'fsst,dict_fsst'");
            writeSettings(c, settings, asOf);
            List<Step> early = STEPS.stream().filter(Step::early).toList();
            List<Step> marts = STEPS.stream().filter(m -> !m.early()).toList();
            try {
                dropStaged(db);   // left by an infer that was killed
                runSteps(db, early, step, timings, afterModel, steps);
            } catch (SQLException e) {
                dropTemporaries(db);
                dropStaged(db);
                resetTuning(db);
                throw new StepFailed(step[0], e);
            } catch (RuntimeException e) {
                dropTemporaries(db);
                dropStaged(db);
                resetTuning(db);
                throw e;
            }
            c.setAutoCommit(false);
            try {
                for (String mart : MARTS) {
                    if (isStaged(mart)) {
                        db.execute("DROP TABLE " + mart);
                        db.execute("ALTER TABLE " + mart + STAGED_SUFFIX + " RENAME TO " + mart);
                    } else {
                        db.execute("DELETE FROM " + mart);
                    }
                }
                runSteps(db, marts, step, timings, afterModel, steps);
                long t = System.nanoTime();
                step[0] = "hot_paths_fingerprint";
                steps.start(step[0]);
                insertAggregate(c, "hot_paths_fingerprint", SharedAggregates.BY_FINGERPRINT);
                timings.put("hot_paths_fingerprint", Duration.ofNanos(System.nanoTime() - t));
                t = System.nanoTime();
                step[0] = "hot_paths_ngram";
                steps.start(step[0]);
                insertAggregate(c, "hot_paths_ngram", SharedAggregates.BY_NGRAM);
                timings.put("hot_paths_ngram", Duration.ofNanos(System.nanoTime() - t));
                t = System.nanoTime();
                step[0] = "summary_totals";
                steps.start(step[0]);
                insertAggregate(c, "summary_totals", SharedAggregates.SUMMARY_TOTALS);
                insertAggregate(c, "workflow_stats", SharedAggregates.WORKFLOW_STATS);
                timings.put("summary", Duration.ofNanos(System.nanoTime() - t));
                InferResult partial = record(c, settings, started, asOf, Duration.ofNanos(System.nanoTime() - t0), timings);
                t = System.nanoTime();
                steps.start("commit");
                c.commit();
                timings.put("commit", Duration.ofNanos(System.nanoTime() - t));
                return new InferResult(partial.inferId(), partial.events(), partial.sessions(), partial.workflowRuns(),
                        partial.outcomes(), partial.asOf(), Duration.ofNanos(System.nanoTime() - t0), timings);
            } catch (SQLException e) {
                Database.rollbackQuietly(c, e);
                throw new StepFailed(step[0], e);
            } catch (RuntimeException e) {
                Database.rollbackQuietly(c, e);
                throw e;
            } finally {
                Database.restoreAutoCommit(c);
                dropTemporaries(db);
                dropStaged(db);   // after a rollback; after a commit there is none
                resetTuning(db);
            }
        } catch (StepFailed e) {
            if (Database.outOfSpace(e.getCause())) {
                throw new CliAnalyticsException(db.outOfSpaceMessage("infer", "previous results kept"), e.getCause());
            }
            throw new CliAnalyticsException("infer failed in " + e.getMessage() + ", previous results kept: "
                    + firstLine(e.getCause().getMessage()), e.getCause());
        } catch (SQLException e) {
            if (Database.outOfSpace(e)) {
                throw new CliAnalyticsException(db.outOfSpaceMessage("infer", "previous results kept"), e);
            }
            throw new CliAnalyticsException("infer failed, previous results kept: " + firstLine(e.getMessage()), e);
        }
    }

    private static void runSteps(Database db, List<Step> steps, String[] current, Map<String, Duration> timings,
            java.util.function.Consumer<String> afterModel, Steps progress) throws SQLException {
        for (Step model : steps) {
            long t = System.nanoTime();
            current[0] = model.model();
            progress.start(model.model());
            if (model.staged()) {
                db.execute(stagedTableDdl(db, model.model()));
            }
            db.execute(model.staged() ? insert(model.model() + STAGED_SUFFIX, model.sql())
                    : model.mart() ? insert(model.model(), model.sql())
                    : model.view() ? "CREATE OR REPLACE TEMP VIEW " + model.model() + " AS SELECT * FROM (\n" + model.sql() + "\n)"
                    : "CREATE OR REPLACE TEMP TABLE " + model.model() + " AS SELECT * FROM (\n" + model.sql() + "\n)");
            for (String drop : model.drops()) {
                db.execute("DROP TABLE " + drop);
            }
            timings.put(model.model(), Duration.ofNanos(System.nanoTime() - t));
            afterModel.accept(model.model());
        }
    }

    private static boolean isStaged(String mart) {
        return STEPS.stream().anyMatch(m -> m.staged() && m.model().equals(mart));
    }

    /** CREATE TABLE for a staged mart's new table: the mart's own definition (types, NOT NULL), renamed. */
    private static String stagedTableDdl(Database db, String mart) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT sql FROM duckdb_tables()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?")) {
            ps.setString(1, mart);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("table " + mart + " is missing");
                }
                String ddl = rs.getString(1);
                String head = "CREATE TABLE " + mart + "(";
                if (!ddl.startsWith(head)) {
                    throw new SQLException("unexpected definition of table " + mart);
                }
                return "CREATE TABLE " + mart + STAGED_SUFFIX + "(" + ddl.substring(head.length());
            }
        }
    }

    /** Drops the new tables of staged marts (after a failure, or left by a killed run). */
    private static void dropStaged(Database db) {
        for (Step staged : STEPS.stream().filter(Step::staged).toList()) {
            try {
                db.execute("DROP TABLE IF EXISTS main." + staged.model() + STAGED_SUFFIX);
            } catch (SQLException e) {
                // the next infer drops it
            }
        }
    }

    private static String insert(String table, String select) {
        return "INSERT INTO " + table + " BY NAME SELECT * FROM (\n" + select + "\n)";
    }

    /** Stores a shared aggregation (SharedAggregates) over all data: every filter parameter null. */
    private static void insertAggregate(Connection c, String table, String resource) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert(table, SqlResources.load(resource)))) {
            SharedAggregates.bind(ps, SharedAggregates.Filter.NONE, resource);
            ps.executeUpdate();
        }
    }

    /** The default as-of: the latest event end (timestamp + duration), null without events. */
    private static Instant latestEventEnd(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT make_timestamptz(max(epoch_us(ts) + coalesce(duration_ms, 0) * 1000)) FROM events")) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    /** Settings go into TEMP tables that the SQL models join: values are bound, never spliced in. */
    private static void writeSettings(Connection c, InferSettings settings, Instant asOf) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE infer_settings (session_timeout_ms BIGINT NOT NULL, as_of TIMESTAMPTZ)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_entry_commands (command VARCHAR NOT NULL)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_terminal_commands (command VARCHAR NOT NULL)");
            st.execute("CREATE OR REPLACE TEMP TABLE infer_workflow_names "
                    + "(tool_name VARCHAR NOT NULL, terminal VARCHAR NOT NULL, workflow_name VARCHAR NOT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO infer_settings VALUES (?, ?)")) {
            ps.setLong(1, settings.sessionTimeout().toMillis());
            setInstant(ps, 2, asOf);
            ps.executeUpdate();
        }
        FunnelSettings.write(c, settings.funnels());
        insertCommands(c, "infer_entry_commands", settings.workflows().entryCommands());
        insertCommands(c, "infer_terminal_commands", settings.workflows().terminalCommands());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO infer_workflow_names VALUES (?, ?, ?)")) {
            for (WorkflowConfig.WorkflowName w : settings.workflows().workflowNames()) {
                ps.setString(1, w.tool());
                ps.setString(2, w.terminal());
                ps.setString(3, w.name());
                ps.executeUpdate();
            }
        }
    }

    private static void insertCommands(Connection c, String table, List<String> commands) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (String command : commands) {
                ps.setString(1, command);
                ps.executeUpdate();
            }
        }
    }

    /** Counts what was built and records the settings in infer_runs. */
    private static InferResult record(Connection c, InferSettings settings, Instant started, Instant asOf, Duration elapsed,
            Map<String, Duration> timings)
            throws SQLException {
        long events = count(c, "SELECT count(*) FROM events");
        long sessions = count(c, "SELECT count(*) FROM sessions");
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String outcome : InferResult.OUTCOMES) {
            outcomes.put(outcome, 0L);
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT outcome, count(*) FROM workflow_runs GROUP BY outcome")) {
            while (rs.next()) {
                outcomes.put(rs.getString(1), rs.getLong(2));
            }
        }
        long runs = outcomes.values().stream().mapToLong(Long::longValue).sum();
        int inferId = (int) count(c, "SELECT coalesce(max(infer_id), 0) + 1 FROM infer_runs");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO infer_runs (infer_id, started_at, finished_at,"
                + " session_timeout_ms, as_of, as_of_given, workflows_file, workflows_config, last_ingest_run_id,"
                + " events, sessions, workflow_runs, funnels_file, funnels_config)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?::JSON, (SELECT max(run_id) FROM ingest_runs), ?, ?, ?, ?, ?::JSON")) {
            ps.setInt(1, inferId);
            setInstant(ps, 2, started);
            setInstant(ps, 3, Instant.now());
            ps.setLong(4, settings.sessionTimeout().toMillis());
            setInstant(ps, 5, asOf);
            ps.setBoolean(6, settings.asOf() != null);
            if (settings.workflowsFile() == null) {
                ps.setNull(7, Types.VARCHAR);
            } else {
                ps.setString(7, settings.workflowsFile());
            }
            ps.setString(8, json(settings.workflows().asMap()));
            ps.setLong(9, events);
            ps.setLong(10, sessions);
            ps.setLong(11, runs);
            if (settings.funnelsFile() == null) {
                ps.setNull(12, Types.VARCHAR);
            } else {
                ps.setString(12, settings.funnelsFile());
            }
            ps.setString(13, json(settings.funnels().asMap()));
            ps.executeUpdate();
        }
        return new InferResult(inferId, events, sessions, runs, outcomes, asOf, elapsed, timings);
    }

    private static String json(Map<String, Object> config) {
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static void dropTemporaries(Database db) {
        for (Step view : STEPS.stream().filter(Step::view).toList()) {
            try {
                db.execute("DROP VIEW IF EXISTS temp." + view.model());
            } catch (SQLException e) {
                // temporary views vanish with the connection anyway
            }
        }
        for (String table : concat(STEPS.stream().filter(m -> !m.mart() && !m.view()).map(Step::model).toList(), SETTINGS_TABLES)) {
            try {
                db.execute("DROP TABLE IF EXISTS temp." + table);
            } catch (SQLException e) {
                // temporary tables vanish with the connection anyway
            }
        }
    }

    /** Puts back the connection settings infer changed for its own statements. */
    private static void resetTuning(Database db) {
        for (String setting : List.of("preserve_insertion_order", "disabled_compression_methods")) {
            try {
                db.execute("RESET " + setting);
            } catch (SQLException e) {
                // only a tuning setting of this connection
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
