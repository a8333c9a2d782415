package dev.clianalytics.infer;

import dev.clianalytics.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many slices of (actor, machine) pairs the sliced marts (workflow_runs, sessions) are written
 * in: one while the runs fit the memory limit, more as they outgrow it (docs/scale.md). Their joins
 * put each run beside the runs of its session, its pair's hashes and the lookup tables; written
 * whole, their hash tables outgrew infer's 1200 MB at 65M runs (100M events), more than DuckDB
 * could spill. A slice holds the pairs whose key leaves a given remainder (the macro in_slice):
 * sessions and runs never cross pairs, so the rows written are the same whatever the count.
 */
final class InferSlices {
    /** Memory per run of a slice: at 240 MB, slices of 1.65M runs passed (20M events, 8 slices); this keeps a margin. */
    static final long BYTES_PER_RUN = 200;
    private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([KMGT]?i?B|bytes)", Pattern.CASE_INSENSITIVE);

    private InferSlices() {}

    /** The slices for int_runs under the connection's memory limit; {@code forced} above 0 wins (tests). */
    static int count(Database db, int forced) throws SQLException {
        if (forced > 0) {
            return forced;
        }
        long runs;
        String limit;
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM int_runs), current_setting('memory_limit')")) {
            rs.next();
            runs = rs.getLong(1);
            limit = rs.getString(2);
        }
        return slices(runs, bytes(limit));
    }

    static int slices(long runs, long limitBytes) {
        if (limitBytes <= 0) {
            return 1;
        }
        long perSlice = Math.max(1, limitBytes / BYTES_PER_RUN);
        return (int) Math.min(4096, Math.max(1, (runs + perSlice - 1) / perSlice));
    }

    /** DuckDB's memory limit as it prints it ("1.1 GiB", "228.8 MiB", "512.0 KiB", "1000 bytes"); -1 when unknown. */
    static long bytes(String setting) {
        Matcher m = SIZE.matcher(String.valueOf(setting).strip());
        if (!m.matches()) {
            return -1;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        int power = switch (unit.charAt(0)) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            default -> 0;
        };
        double base = unit.contains("I") ? 1024 : 1000;
        return (long) (n * Math.pow(base, power));
    }
}
