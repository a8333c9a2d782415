package dev.clianalytics.report;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one SQL file (a name in sql/reports/, or a full resource path) with the filter bound as
 * $1..$4 and further parameters as $5.. .
 */
final class Rows {
    private Rows() {}

    record Row(Map<String, Object> values) {
        long count(String column) {
            Object v = values.get(column);
            return v == null ? 0L : ((Number) v).longValue();
        }

        Long longOrNull(String column) {
            Object v = values.get(column);
            return v == null ? null : ((Number) v).longValue();
        }

        String text(String column) {
            Object v = values.get(column);
            return v == null ? null : v.toString();
        }

        Instant instant(String column) {
            Object v = values.get(column);
            return v == null ? null : v instanceof Instant i ? i : ((OffsetDateTime) v).toInstant();
        }

        Boolean flag(String column) {
            return (Boolean) values.get(column);
        }
    }

    static List<Row> filtered(Connection c, String file, ReportFilter f, Object... extra) {
        List<Object> params = new ArrayList<>();
        params.add(f.tool());
        params.add(f.since() == null ? null : f.since().toString());
        params.add(f.until() == null ? null : f.until().toString());
        params.add(f.excludeCi());
        params.addAll(java.util.Arrays.asList(extra)); // a null is a parameter too (every workflow, no --workflow)
        return query(c, file, params);
    }

    /** Runs one statement without parameters or results (e.g. a macro definition in sql/reports/). */
    static void execute(Connection c, String file) {
        try (Statement st = c.createStatement()) {
            st.execute(SqlResources.load("sql/reports/" + file));
        } catch (SQLException e) {
            throw new CliAnalyticsException("report query " + file + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    static List<Row> query(Connection c, String file, List<Object> params) {
        String sql = SqlResources.load(file.contains("/") ? file : "sql/reports/" + file);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else if (p instanceof Boolean b) {
                    ps.setBoolean(i + 1, b);
                } else if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, p.toString());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        values.put(md.getColumnLabel(i), value(rs, md, i));
                    }
                    rows.add(new Row(values));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new CliAnalyticsException("report query " + file + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * A column's value; a TIMESTAMPTZ as an Instant from its microseconds since the epoch. The
     * driver's own conversion (an OffsetDateTime in the JVM's zone) reads the time-zone database,
     * a noticeable part of a report's start-up (docs/startup.md).
     */
    private static Object value(ResultSet rs, ResultSetMetaData md, int column) throws SQLException {
        if (md.getColumnType(column) == Types.TIMESTAMP_WITH_TIMEZONE) {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }
        Object v = rs.getObject(column);
        return v instanceof String text && text.indexOf('~') >= 0 ? RARE.matcher(text).replaceAll("[rare]") : v;
    }

    /** A held-back word's token (docs/ingest.md, "Rare words held back"): printed as [rare]. */
    private static final java.util.regex.Pattern RARE = java.util.regex.Pattern.compile("~[0-9a-f]{12}(?![0-9a-f])");

    private static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
