package dev.clianalytics.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The aggregations shared by infer (which stores them unfiltered) and the reports (which run them
 * with filters): the failure hot paths (SPEC §5.4) and the summary counts (§6.1), one SQL file
 * each. They take the filter as $1..$4 and, except summary_totals and version_counts, how many rows as $5; null
 * means no filter. In this package because both infer and report use it, and neither may reach into
 * the other.
 */
public final class SharedAggregates {
    public static final String BY_FINGERPRINT = "sql/marts/hot_paths_fingerprint.sql";
    public static final String BY_NGRAM = "sql/marts/hot_paths_ngram.sql";
    public static final String SUMMARY_TOTALS = "sql/marts/summary_totals.sql";
    public static final String WORKFLOW_STATS = "sql/marts/workflow_stats.sql";
    public static final String VERSION_COUNTS = "sql/marts/version_counts.sql";

    private SharedAggregates() {}

    /**
     * Filters over workflow runs; every field may be null.
     *
     * @param since runs that started at or after this instant
     * @param until runs that started before this instant
     * @param excludeCi leave out runs with ci_detected
     * @param top at most this many rows, by rank
     */
    public record Filter(String tool, java.time.Instant since, java.time.Instant until, Boolean excludeCi, Long top) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** Prepares {@code resource} (one of the constants) with the filter bound as $1..$5. */
    public static PreparedStatement prepare(Connection connection, String resource, Filter filter) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(SqlResources.load(resource));
        try {
            bind(ps, filter, resource);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds the filter as $1..$4 and, except for summary_totals and version_counts, {@code top} as $5. */
    public static void bind(PreparedStatement ps, Filter f, String resource) throws SQLException {
        setOrNull(ps, 1, f.tool(), Types.VARCHAR);
        setOrNull(ps, 2, f.since() == null ? null : OffsetDateTime.ofInstant(f.since(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        setOrNull(ps, 3, f.until() == null ? null : OffsetDateTime.ofInstant(f.until(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        setOrNull(ps, 4, Boolean.TRUE.equals(f.excludeCi()), Types.BOOLEAN); // the SQL needs false, not null
        if (!resource.equals(SUMMARY_TOTALS) && !resource.equals(VERSION_COUNTS)) {
            setOrNull(ps, 5, f.top(), Types.BIGINT);
        }
    }

    private static void setOrNull(PreparedStatement ps, int index, Object value, int type) throws SQLException {
        if (value == null) {
            ps.setNull(index, type);
        } else {
            ps.setObject(index, value);
        }
    }
}
