package dev.clianalytics.infer;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.StatementProgress;
import dev.clianalytics.sql.SharedAggregates;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rebuilds every derived table from events (SPEC §5) by running the plan (InferPlan) in order:
 * macros and settings first, intermediate models as TEMP tables, then the marts, all in one
 * transaction. A failed or killed run leaves the previous results as they were.
 */
public final class InferService {
    /** Which step failed, for the message. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String step, SQLException cause) {
            super(step, cause);
        }
    }

    private InferService() {}

    /** The tables infer derives and refills on every run (InferPlan.MARTS). */
    public static List<String> derivedTables() {
        return InferPlan.MARTS;
    }

    public static InferResult run(Database db, InferSettings settings) {
        return run(db, settings, InferProgress.NONE);
    }

    /** As {@link #run(Database, InferSettings)}, telling {@code progress} which step runs and how far it is. */
    public static InferResult run(Database db, InferSettings settings, InferProgress progress) {
        return run(db, settings, model -> { }, progress);
    }

    /** As {@link #run(Database, InferSettings)}, calling {@code afterModel} after each model (tests fail there). */
    static InferResult run(Database db, InferSettings settings, Consumer<String> afterModel) {
        return run(db, settings, afterModel, InferProgress.NONE);
    }

    static InferResult run(Database db, InferSettings settings, Consumer<String> afterModel, InferProgress progress) {
        return run(db, settings, afterModel, progress, 0);
    }

    /** As {@link #run(Database, InferSettings)}, the sliced marts written in {@code slices} slices (tests). */
    static InferResult run(Database db, InferSettings settings, int slices) {
        return run(db, settings, model -> { }, InferProgress.NONE, slices);
    }

    /** {@code slices}: how many slices of sessions the sliced marts are written in; 0 lets InferSlices decide. */
    private static InferResult run(Database db, InferSettings settings, Consumer<String> afterModel, InferProgress progress,
            int slices) {
        StepTracker steps = new StepTracker(progress, InferPlan.stepCount());
        try (StatementProgress watch = progress == InferProgress.NONE ? null : StatementProgress.start(db, steps::estimate)) {
            return build(db, settings, afterModel, steps, slices);
        } catch (StepFailed e) {
            SQLException cause = (SQLException) e.getCause();
            if (Database.outOfSpace(cause)) {
                throw new CliAnalyticsException(db.outOfSpaceMessage("infer", "previous results kept"), cause);
            }
            if (Database.outOfMemory(cause)) {
                throw new CliAnalyticsException(db.outOfMemoryMessage("infer", e.getMessage(), "previous results kept"), cause);
            }
            throw new CliAnalyticsException("infer failed in " + e.getMessage() + ", previous results kept: "
                    + firstLine(cause.getMessage()), cause);
        }
    }

    /**
     * The TEMP intermediates are built first, each committed on its own: data of an open transaction
     * stays in memory, committed TEMP data can spill to disk. Only this connection sees them, and it
     * holds the database's write lock, so events cannot change. The marts are then written in one
     * transaction.
     */
    private static InferResult build(Database db, InferSettings settings, Consumer<String> afterModel, StepTracker steps,
            int slices) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Connection c = db.connection();
        Map<String, Duration> timings = new LinkedHashMap<>();
        Instant asOf;
        try {
            createMacros(db);
            asOf = settings.asOf() != null ? settings.asOf() : latestEventEnd(c);
            InferTuning.apply(db);
            SettingsTables.write(c, settings, asOf);
            StagedMarts.drop(db);   // left by an infer that was killed
            runSteps(db, InferPlan.early(), timings, afterModel, steps, slices);
        } catch (SQLException e) {
            cleanUp(db);
            throw new StepFailed(steps.name(), e);
        } catch (RuntimeException e) {
            cleanUp(db);
            throw e;
        }
        try {
            c.setAutoCommit(false);
            for (String mart : InferPlan.MARTS) {
                if (!StagedMarts.isStaged(mart)) {
                    db.execute("DELETE FROM " + mart);
                }
            }
            StagedMarts.swapIn(db);
            runSteps(db, InferPlan.inTransaction(), timings, afterModel, steps, slices);
            timed(steps, timings, "hot_paths_fingerprint", "hot_paths_fingerprint",
                    () -> insertAggregate(c, "hot_paths_fingerprint", SharedAggregates.BY_FINGERPRINT));
            timed(steps, timings, "hot_paths_ngram", "hot_paths_ngram",
                    () -> insertAggregate(c, "hot_paths_ngram", SharedAggregates.BY_NGRAM));
            timed(steps, timings, "summary_totals", "summary", () -> {
                insertAggregate(c, "summary_totals", SharedAggregates.SUMMARY_TOTALS);
                insertAggregate(c, "workflow_stats", SharedAggregates.WORKFLOW_STATS);
                insertAggregate(c, "version_counts", SharedAggregates.VERSION_COUNTS);
            });
            InferResult recorded = InferRunLog.record(c, settings, started, asOf, Duration.ofNanos(System.nanoTime() - t0),
                    timings);
            timed(steps, timings, "commit", "commit", c::commit);
            return new InferResult(recorded.inferId(), recorded.events(), recorded.sessions(), recorded.workflowRuns(),
                    recorded.outcomes(), recorded.asOf(), Duration.ofNanos(System.nanoTime() - t0), timings);
        } catch (SQLException e) {
            Database.rollbackQuietly(c, e);
            throw new StepFailed(steps.name(), e);
        } catch (RuntimeException e) {
            Database.rollbackQuietly(c, e);
            throw e;
        } finally {
            Database.restoreAutoCommit(c);
            cleanUp(db);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs one step after the models, announced as {@code step} and timed as {@code timing}. */
    private static void timed(StepTracker steps, Map<String, Duration> timings, String step, String timing, SqlWork work)
            throws SQLException {
        long t = System.nanoTime();
        steps.start(step);
        work.run();
        timings.put(timing, Duration.ofNanos(System.nanoTime() - t));
    }

    private static void runSteps(Database db, List<InferPlan.Step> plan, Map<String, Duration> timings,
            Consumer<String> afterModel, StepTracker steps, int slices) throws SQLException {
        for (InferPlan.Step model : plan) {
            long t = System.nanoTime();
            steps.start(model.model());
            if (model.staged()) {
                StagedMarts.create(db, model.model());
            }
            if (model.sliced()) {
                runSliced(db, model, slices);
            } else {
                db.execute(model.staged() ? insert(StagedMarts.newTable(model.model()), model.sql())
                        : model.mart() ? insert(model.model(), model.sql())
                        : model.view() ? "CREATE OR REPLACE TEMP VIEW " + model.model() + " AS SELECT * FROM (\n" + model.sql() + "\n)"
                        : "CREATE OR REPLACE TEMP TABLE " + model.model() + " AS SELECT * FROM (\n" + model.sql() + "\n)");
            }
            for (String drop : model.drops()) {
                db.execute("DROP TABLE " + drop);
            }
            timings.put(model.model(), Duration.ofNanos(System.nanoTime() - t));
            afterModel.accept(model.model());
        }
    }

    /** A sliced mart, one INSERT per slice of sessions (InferSlices; the macro in_slice reads the variables). */
    private static void runSliced(Database db, InferPlan.Step model, int forced) throws SQLException {
        int n = InferSlices.count(db, forced);
        db.execute("SET VARIABLE ca_slices = " + n);
        for (int i = 0; i < n; i++) {
            db.execute("SET VARIABLE ca_slice = " + i);
            db.execute(insert(model.model(), model.sql()));
        }
        db.execute("RESET VARIABLE ca_slices; RESET VARIABLE ca_slice");
    }

    /** The encodings and the shared rules, as TEMP macros of this connection (sql/macros). */
    private static void createMacros(Database db) throws SQLException {
        for (String file : InferPlan.MACROS) {
            for (String statement : SqlResources.statements(SqlResources.load(file))) {
                db.execute(statement);
            }
        }
    }

    /** After a run, whatever its end: TEMP tables, new tables of staged marts (after a rollback), tuning. */
    private static void cleanUp(Database db) {
        SettingsTables.dropTemporaries(db);
        StagedMarts.drop(db);
        InferTuning.reset(db);
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

    /** The default as-of: the latest event end (event_end_us), null without events. */
    private static Instant latestEventEnd(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT make_timestamptz(max(event_end_us(ts, duration_ms))) FROM events")) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
