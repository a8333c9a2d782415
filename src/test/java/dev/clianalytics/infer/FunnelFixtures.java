package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test-only loading of flow and command events for funnels, in file order: each line is
 * {@code TIME|EVENT|ACTOR|PROPERTIES} (a flow event; PROPERTIES a JSON object, may be empty) or
 * {@code TIME|cmd WORD WORD..|ACTOR|EXIT_CODE} (a command event of tool WORD); ingest_seq follows
 * the lines, after everything stored. Ids are stored raw; the tool of flow events is mycli.
 */
final class FunnelFixtures {
    private FunnelFixtures() {}

    static void load(Path db, String... lines) {
        load(db, List.of(lines));
    }

    static void load(Path db, List<String> lines) {
        try (Database d = Database.open(db, DbSettings.defaults())) {
            long run;
            long seq;
            try (Statement st = d.connection().createStatement()) {
                var rs = st.executeQuery("SELECT coalesce(max(run_id), 0) + 1, (SELECT coalesce(max(s), 0) FROM"
                        + " (SELECT max(ingest_seq) AS s FROM events UNION ALL SELECT max(ingest_seq) FROM flow_events))"
                        + " FROM ingest_runs");
                rs.next();
                run = rs.getLong(1);
                seq = rs.getLong(2);
            }
            d.execute("INSERT INTO ingest_runs (run_id, started_at, finished_at, format, accepted, rejected, duplicates,"
                    + " unknown_fields, ignored) VALUES (" + run + ", now(), now(), 'segment', 0, 0, 0, 0, 0)");
            try (PreparedStatement flow = d.connection().prepareStatement("INSERT INTO flow_events VALUES (uuid(), ?, ?,"
                    + " ?::TIMESTAMPTZ, ?, 'mycli', '1.0.0', ?, ?, NULL, ?::JSON, 'segment')");
                    PreparedStatement cmd = d.connection().prepareStatement("INSERT INTO events VALUES (uuid(), ?, ?,"
                            + " ?::TIMESTAMPTZ, ?, '1.0.0', string_split(?, ' '), [], ?, 100, NULL, ?, ?, NULL, false, NULL,"
                            + " 'segment', NULL, NULL)")) {
                for (String line : lines) {
                    String[] f = line.split("\\|", -1);
                    String actor = f[2].strip();
                    if (f[1].startsWith("cmd ")) {
                        String path = f[1].substring(4).strip();
                        cmd.setLong(1, run);
                        cmd.setLong(2, ++seq);
                        cmd.setString(3, f[0].strip());
                        cmd.setString(4, path.split(" ")[0]);
                        cmd.setString(5, path);
                        cmd.setInt(6, Integer.parseInt(f[3].strip()));
                        cmd.setString(7, actor);
                        cmd.setString(8, "machine-" + actor);
                        cmd.executeUpdate();
                    } else {
                        flow.setLong(1, run);
                        flow.setLong(2, ++seq);
                        flow.setString(3, f[0].strip());
                        flow.setString(4, f[1].strip());
                        flow.setString(5, actor);
                        flow.setString(6, "machine-" + actor);
                        flow.setString(7, f.length > 3 && !f[3].isBlank() ? f[3].strip() : "{}");
                        flow.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
