package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only loading of native JSONL fixtures straight into events, one ingest run per call, so
 * infer can be tested without the ingest command: actor_hash, machine_hash and session_hint_hash
 * are the raw ids, ingest_seq continues the line numbers of earlier loads.
 */
final class Fixtures {
    private Fixtures() {}

    static void load(Path db, String... resources) {
        try (Database d = Database.open(db, DbSettings.defaults())) {
            for (String resource : resources) {
                loadOne(d, resource);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void loadLines(Path db, List<String> lines) {
        try (Database d = Database.open(db, DbSettings.defaults())) {
            insert(d, lines);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void link(Path db, String actor, String linked) {
        try (Database d = Database.open(db, DbSettings.defaults());
                PreparedStatement ps = d.connection().prepareStatement(
                        "INSERT INTO actor_links VALUES (?, ?, (SELECT coalesce(max(run_id), 0) FROM ingest_runs))")) {
            ps.setString(1, actor);
            ps.setString(2, linked);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void loadOne(Database d, String resource) throws SQLException {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("infer/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            insert(d, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insert(Database d, List<String> lines) throws SQLException {
        long run = scalar(d, "SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs");
        long seq = scalar(d, "SELECT coalesce(max(ingest_seq), 0) FROM events");
        d.execute("INSERT INTO ingest_runs (run_id, started_at, finished_at, format, accepted, rejected, duplicates,"
                + " unknown_fields, ignored) VALUES (" + run + ", now(), now(), 'native', 0, 0, 0, 0, 0)");
        try (PreparedStatement ps = d.connection().prepareStatement("""
                INSERT INTO events
                SELECT md5(coalesce(j->>'event_id', 'fixture-' || $3))::UUID, $2, $3, (j->>'timestamp')::TIMESTAMPTZ,
                       j->>'tool_name', j->>'tool_version', from_json(j->'command_path', '["VARCHAR"]'),
                       coalesce(from_json(j->'flags_present', '["VARCHAR"]'), []), (j->>'exit_code')::INTEGER,
                       (j->>'duration_ms')::BIGINT, j->>'error_type', j->>'actor_id', j->>'machine_id',
                       j->>'session_hint', coalesce((j->>'ci_detected')::BOOLEAN, false), (j->>'sequence')::BIGINT,
                       'native', j->>'error_source', (j->>'http_status')::SMALLINT
                FROM (SELECT $1::JSON AS j)""")) {
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                ps.setString(1, line);
                ps.setLong(2, run);
                ps.setLong(3, ++seq);
                ps.executeUpdate();
            }
        }
    }

    private static long scalar(Database d, String sql) throws SQLException {
        try (Statement st = d.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of a query as "a | b | c" strings, nulls as "null". */
    static List<String> rows(Path db, String sql) {
        try (Database d = Database.openReadOnly(db, DbSettings.defaults());
                Statement st = d.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (i > 1) {
                        b.append(" | ");
                    }
                    b.append(rs.getString(i));
                }
                rows.add(b.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
