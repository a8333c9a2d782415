import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.*;
import org.apache.arrow.vector.*;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.*;
import org.duckdb.DuckDBConnection;

/**
 * Issue 19's probe of DuckDB's Arrow import (bench/arrow-probe): the stored events of an ingested
 * database, held in Java as staged rows (lists joined by U+001F, as ingest stages them), are loaded
 * into a new events-shaped table two ways: written as CSV and read by read_csv (what ingest does),
 * or handed to DuckDB as Arrow batches through the C data interface (registerArrowStream). Both
 * tables must hash the same. Modes: csv, arrow, arrowfill (the Java side of arrow alone).
 */
public class ArrowProbe {
    static int n;
    static String[] key, tool, ver, cmd, flags, err, actor, machine, hint, fmt, src;
    static long[] ts, seq, dur, sequence; static boolean[] durNull, seqNull, exitNull, statusNull, ci;
    static int[] exit, status;
    static final String[] NAMES = {"event_key","ingest_seq","ts","tool_name","tool_version","command_path","flags_present","exit_code",
        "duration_ms","error_type","actor_hash","machine_hash","session_hint_hash","ci_detected","sequence","source_format","error_source","http_status"};

    public static void main(String[] a) throws Exception {
        load(a[0]);
        String mode = a[1];
        Path out = Path.of(a[2]);
        Files.deleteIfExists(out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out)) {
            exec(c, "SET TimeZone='UTC'; SET memory_limit='512MB'; SET preserve_insertion_order=false; SET disabled_compression_methods='fsst,dict_fsst'");
            exec(c, "CREATE TABLE ev (event_key UUID, run_id INTEGER, ingest_seq BIGINT, ts TIMESTAMPTZ, tool_name VARCHAR, tool_version VARCHAR,"
                + " command_path VARCHAR[], flags_present VARCHAR[], exit_code INTEGER, duration_ms BIGINT, error_type VARCHAR, actor_hash VARCHAR,"
                + " machine_hash VARCHAR, session_hint_hash VARCHAR, ci_detected BOOLEAN, sequence BIGINT, source_format VARCHAR, error_source VARCHAR, http_status SMALLINT)");
            String sel = "SELECT event_key::UUID, 1, ingest_seq, ts, tool_name, tool_version, string_split(command_path, chr(31)),"
                + " CASE WHEN flags_present = '' THEN []::VARCHAR[] ELSE string_split(flags_present, chr(31)) END, exit_code, duration_ms, error_type,"
                + " actor_hash, machine_hash, session_hint_hash, ci_detected, sequence, source_format, error_source, http_status";
            if (mode.equals("csv")) {
                long t0 = System.nanoTime();
                Path csv = Path.of(a[2] + ".csv");
                writeCsv(csv);
                long t1 = System.nanoTime();
                exec(c, "INSERT INTO ev " + sel.replace("ts, tool_name", "make_timestamp(ts)::TIMESTAMPTZ, tool_name") + " FROM read_csv('" + csv + "', columns = {'event_key':'VARCHAR','ingest_seq':'BIGINT','ts':'BIGINT','tool_name':'VARCHAR','tool_version':'VARCHAR','command_path':'VARCHAR','flags_present':'VARCHAR','exit_code':'INTEGER','duration_ms':'BIGINT','error_type':'VARCHAR','actor_hash':'VARCHAR','machine_hash':'VARCHAR','session_hint_hash':'VARCHAR','ci_detected':'BOOLEAN','sequence':'BIGINT','source_format':'VARCHAR','error_source':'VARCHAR','http_status':'SMALLINT'}, header=false, auto_detect=false, delim=',', quote='\"', escape='\"', allow_quoted_nulls=false, new_line='\\n')");
                long t2 = System.nanoTime();
                System.out.printf("csv: java write %.2f s, duckdb insert %.2f s, total %.2f s%n", (t1-t0)/1e9, (t2-t1)/1e9, (t2-t0)/1e9);
                Files.delete(csv);
            } else {
                try (BufferAllocator alloc = new RootAllocator()) {
                    if (mode.equals("arrowfill")) {
                        long t0 = System.nanoTime();
                        try (Reader r = new Reader(alloc)) { while (r.loadNextBatch()) { } }
                        System.out.printf("arrow: java fill only %.2f s%n", (System.nanoTime()-t0)/1e9);
                        return;
                    }
                    long t0 = System.nanoTime();
                    try (Reader r = new Reader(alloc); ArrowArrayStream stream = ArrowArrayStream.allocateNew(alloc)) {
                        Data.exportArrayStream(alloc, r, stream);
                        ((DuckDBConnection) c).registerArrowStream("staged", stream);
                        exec(c, "INSERT INTO ev " + sel + " FROM staged");
                    }
                    System.out.printf("arrow: fill + insert %.2f s%n", (System.nanoTime()-t0)/1e9);
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*), bit_xor(hash(ev)) FROM ev")) { rs.next(); System.out.println("rows " + rs.getLong(1) + " hash " + rs.getString(2)); }
        }
    }

    static void exec(Connection c, String sql) throws SQLException { try (Statement s = c.createStatement()) { s.execute(sql); } }

    static void load(String db) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) { rs.next(); n = rs.getInt(1); }
            key = new String[n]; tool = new String[n]; ver = new String[n]; cmd = new String[n]; flags = new String[n]; err = new String[n];
            actor = new String[n]; machine = new String[n]; hint = new String[n]; fmt = new String[n]; src = new String[n];
            ts = new long[n]; seq = new long[n]; dur = new long[n]; sequence = new long[n]; durNull = new boolean[n]; seqNull = new boolean[n];
            exitNull = new boolean[n]; statusNull = new boolean[n]; ci = new boolean[n]; exit = new int[n]; status = new int[n];
            try (ResultSet rs = s.executeQuery("SELECT event_key::VARCHAR, epoch_us(ts), tool_name, tool_version,"
                    + " array_to_string(command_path, chr(31)), array_to_string(flags_present, chr(31)), exit_code, duration_ms,"
                    + " error_type, actor_hash, machine_hash, session_hint_hash, ci_detected, sequence, source_format, error_source,"
                    + " http_status FROM events ORDER BY ingest_seq")) {
                int i = 0;
                while (rs.next()) {
                    key[i] = rs.getString(1); ts[i] = rs.getLong(2); tool[i] = rs.getString(3); ver[i] = rs.getString(4); cmd[i] = rs.getString(5);
                    flags[i] = rs.getString(6); exit[i] = rs.getInt(7); exitNull[i] = rs.wasNull(); dur[i] = rs.getLong(8); durNull[i] = rs.wasNull();
                    err[i] = rs.getString(9); actor[i] = rs.getString(10); machine[i] = rs.getString(11); hint[i] = rs.getString(12); ci[i] = rs.getBoolean(13);
                    sequence[i] = rs.getLong(14); seqNull[i] = rs.wasNull(); fmt[i] = rs.getString(15); src[i] = rs.getString(16); status[i] = rs.getInt(17);
                    statusNull[i] = rs.wasNull(); seq[i] = i; i++;
                }
            }
        }
    }

    static void writeCsv(Path p) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder b = new StringBuilder(512);
            for (int i = 0; i < n; i++) {
                b.setLength(0);
                b.append(key[i]).append(',').append(seq[i]).append(',').append(ts[i]).append(',');
                q(b, tool[i]).append(','); if (ver[i] != null) q(b, ver[i]); b.append(',');
                q(b, cmd[i]).append(','); q(b, flags[i]).append(',');
                if (!exitNull[i]) b.append(exit[i]); b.append(',');
                if (!durNull[i]) b.append(dur[i]); b.append(',');
                if (err[i] != null) q(b, err[i]); b.append(',');
                b.append(actor[i]).append(',').append(machine[i]).append(',');
                if (hint[i] != null) b.append(hint[i]); b.append(',');
                b.append(ci[i]).append(',');
                if (!seqNull[i]) b.append(sequence[i]); b.append(',');
                b.append(fmt[i]).append(',');
                if (src[i] != null) b.append(src[i]); b.append(',');
                if (!statusNull[i]) b.append(status[i]); b.append('\n');
                w.append(b);
            }
        }
    }

    static StringBuilder q(StringBuilder b, String s) { b.append('"'); for (int k = 0; k < s.length(); k++) { char ch = s.charAt(k); if (ch == '"') b.append('"'); b.append(ch);} return b.append('"'); }

    /** Batches of 64k rows from the arrays. */
    static final class Reader extends ArrowReader {
        static final int BATCH = 1 << 16;
        int at = 0;
        Reader(BufferAllocator a) { super(a); }
        @Override protected Schema readSchema() {
            List<Field> f = new ArrayList<>();
            for (String name : NAMES) {
                ArrowType t = switch (name) {
                    case "ingest_seq", "duration_ms", "sequence" -> new ArrowType.Int(64, true);
                    case "exit_code" -> new ArrowType.Int(32, true);
                    case "http_status" -> new ArrowType.Int(16, true);
                    case "ts" -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
                    case "ci_detected" -> ArrowType.Bool.INSTANCE;
                    default -> ArrowType.Utf8.INSTANCE;
                };
                f.add(Field.nullable(name, t));
            }
            return new Schema(f);
        }
        @Override public boolean loadNextBatch() {
            if (at >= n) return false;
            VectorSchemaRoot root;
            try { root = getVectorSchemaRoot(); } catch (IOException e) { throw new UncheckedIOException(e); }
            int m = Math.min(BATCH, n - at);
            root.allocateNew();
            VarCharVector vKey = (VarCharVector) root.getVector(0); BigIntVector vSeq = (BigIntVector) root.getVector(1);
            TimeStampMicroTZVector vTs = (TimeStampMicroTZVector) root.getVector(2);
            for (int k = 0; k < m; k++) {
                int i = at + k;
                str(vKey, k, key[i]); vSeq.setSafe(k, seq[i]); vTs.setSafe(k, ts[i]);
                str((VarCharVector) root.getVector(3), k, tool[i]); str((VarCharVector) root.getVector(4), k, ver[i]);
                str((VarCharVector) root.getVector(5), k, cmd[i]); str((VarCharVector) root.getVector(6), k, flags[i]);
                IntVector ve = (IntVector) root.getVector(7); if (exitNull[i]) ve.setNull(k); else ve.setSafe(k, exit[i]);
                BigIntVector vd = (BigIntVector) root.getVector(8); if (durNull[i]) vd.setNull(k); else vd.setSafe(k, dur[i]);
                str((VarCharVector) root.getVector(9), k, err[i]); str((VarCharVector) root.getVector(10), k, actor[i]);
                str((VarCharVector) root.getVector(11), k, machine[i]); str((VarCharVector) root.getVector(12), k, hint[i]);
                ((BitVector) root.getVector(13)).setSafe(k, ci[i] ? 1 : 0);
                BigIntVector vs = (BigIntVector) root.getVector(14); if (seqNull[i]) vs.setNull(k); else vs.setSafe(k, sequence[i]);
                str((VarCharVector) root.getVector(15), k, fmt[i]); str((VarCharVector) root.getVector(16), k, src[i]);
                SmallIntVector vh = (SmallIntVector) root.getVector(17); if (statusNull[i]) vh.setNull(k); else vh.setSafe(k, status[i]);
            }
            root.setRowCount(m);
            at += m;
            return true;
        }
        static void str(VarCharVector v, int k, String s) { if (s == null) v.setNull(k); else v.setSafe(k, s.getBytes(StandardCharsets.UTF_8)); }
        @Override public long bytesRead() { return 0; }
        @Override protected void closeReadSource() { }
    }
}
