package dev.clianalytics.infer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;

/** Records a run in infer_runs (its settings and what it built) inside infer's transaction. */
final class InferRunLog {
    private InferRunLog() {}

    /** Counts what was built and records the settings; the result's timings are those given. */
    static InferResult record(Connection c, InferSettings settings, Instant started, Instant asOf, Duration elapsed,
            Map<String, Duration> timings) throws SQLException {
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

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
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
}
