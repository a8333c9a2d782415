package dev.clianalytics.ingest;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.sql.SqlResources;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest position of an event within its run (specification §4.2), as the TEMP macro
 * {@code ca_pos(file_index, line_no, index_in_line)}: each file owns a block of 2^40 positions, each
 * line 4,096 of them, and a batch line holding more events moves every later line of its file up by
 * the surplus (TEMP ca_overflow), so positions are exact and unique for any input. Without such a
 * line (nearly always) the macro is plain arithmetic.
 */
final class IngestPositions {
    static final int FILE_BITS = 40;
    static final int LINE_SHARE = 4096;

    private IngestPositions() {}

    /** Defines ca_pos for the staged run; refuses a file whose positions would leave its block. */
    static void define(Database db, List<InputFile> inputs) throws SQLException {
        db.execute("CREATE TEMP TABLE ca_overflow AS " + SqlResources.load("sql/staging/stg_overflow.sql"));
        Map<Integer, Long> extra = new HashMap<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT file_index, max(extra_through) FROM ca_overflow GROUP BY 1")) {
            while (rs.next()) {
                extra.put(rs.getInt(1), rs.getLong(2));
            }
        }
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT file_index, count(*) FROM ca_stage GROUP BY 1")) {
            while (rs.next()) {
                long last = (rs.getLong(2) + 1) * LINE_SHARE + extra.getOrDefault(rs.getInt(1), 0L);
                if (last >= 1L << FILE_BITS) {
                    throw new CliAnalyticsException(String.format(Locale.ROOT,
                            "input file %s holds too many lines and events (%,d lines) to be ingested as one file;"
                                    + " split it and ingest the parts; nothing was written",
                            inputs.get(rs.getInt(1)).displayName(), rs.getLong(2)));
                }
            }
        }
        // callers pass qualified columns (s.line_no): a bare name would bind to ca_overflow's in the subquery
        String plain = "(pos_file::BIGINT << " + FILE_BITS + ") + pos_line * " + LINE_SHARE + " + pos_index";
        db.execute("CREATE OR REPLACE TEMP MACRO ca_pos(pos_file, pos_line, pos_index) AS " + (extra.isEmpty() ? plain
                : plain + " + coalesce((SELECT max(o.extra_through) FROM ca_overflow o"
                        + " WHERE o.file_index = pos_file AND o.line_no < pos_line), 0)"));
    }
}
