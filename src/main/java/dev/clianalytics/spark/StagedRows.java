package dev.clianalytics.spark;

import dev.clianalytics.ingest.sanitize.FlowEvents;
import dev.clianalytics.ingest.sanitize.StagedLine;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The staged input as Spark rows, one kind per row (as ingest's TEMP tables ca_stage and ca_foreign):
 * <ul>
 * <li>{@code line}: a non-blank input line (file, file_index, line_no), its reject reason or null,
 *     and for an accepted native line the columns of the database's events table (the event key a
 *     UUID's text); a PostHog or Segment line carries only its format (its reason comes from what
 *     its reader said, spark_lines.sql);</li>
 * <li>{@code event}: a command event a PostHog or Segment reader mapped, staged as a native line
 *     (validated, keyed, sanitized), with its index in the line and its reason when rejected;</li>
 * <li>{@code flow}: a flow event (FlowEvents: sanitized, hashed, keyed), properties as JSON text;</li>
 * <li>{@code link}: an alias or identify call, both ids hashed, and its instant as given;</li>
 * <li>{@code reject}, {@code reject_record}: a reader's reason for a line, or for one record of it;</li>
 * <li>{@code records}: a line read whole that held other than one record;</li>
 * <li>{@code file}: a file's lifecycle calls merged and events ignored (line 0).</li>
 * </ul>
 * ingest_seq is the event's position as ingest gives it (IngestPositions: each file a block of
 * 2^40, each line 4,096; JobStaging moves the later lines of a file up past a line of more events).
 * Holds nothing raw.
 */
final class StagedRows {
    /** ingest_seq: each file owns a block of 2^40 positions, each line 4,096 (IngestPositions). */
    static final int FILE_BITS = 40;
    static final int LINE_SHARE = 4096;

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("kind", DataTypes.StringType, false),
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("file_index", DataTypes.IntegerType, false),
        DataTypes.createStructField("line_no", DataTypes.LongType, false),
        DataTypes.createStructField("index_in_line", DataTypes.IntegerType, false),
        DataTypes.createStructField("reason", DataTypes.StringType, true),
        DataTypes.createStructField("event_key", DataTypes.StringType, true),
        DataTypes.createStructField("ingest_seq", DataTypes.LongType, false),
        DataTypes.createStructField("ts", DataTypes.TimestampType, true),
        DataTypes.createStructField("tool_name", DataTypes.StringType, true),
        DataTypes.createStructField("tool_version", DataTypes.StringType, true),
        DataTypes.createStructField("command_path", DataTypes.createArrayType(DataTypes.StringType, false), true),
        DataTypes.createStructField("flags_present", DataTypes.createArrayType(DataTypes.StringType, false), true),
        DataTypes.createStructField("exit_code", DataTypes.IntegerType, true),
        DataTypes.createStructField("duration_ms", DataTypes.LongType, true),
        DataTypes.createStructField("error_type", DataTypes.StringType, true),
        DataTypes.createStructField("actor_hash", DataTypes.StringType, true),
        DataTypes.createStructField("machine_hash", DataTypes.StringType, true),
        DataTypes.createStructField("session_hint_hash", DataTypes.StringType, true),
        DataTypes.createStructField("ci_detected", DataTypes.BooleanType, true),
        DataTypes.createStructField("sequence", DataTypes.LongType, true),
        DataTypes.createStructField("source_format", DataTypes.StringType, true),
        DataTypes.createStructField("error_source", DataTypes.StringType, true),
        DataTypes.createStructField("http_status", DataTypes.ShortType, true),
        // what the privacy rules dropped from the line (ingest_runs' ledger): fields outside the
        // event schema, flag names not kept (of them malformed), flag values
        DataTypes.createStructField("unknown_count", DataTypes.IntegerType, false),
        DataTypes.createStructField("flags_dropped", DataTypes.IntegerType, false),
        DataTypes.createStructField("flags_malformed", DataTypes.IntegerType, false),
        DataTypes.createStructField("flag_values", DataTypes.IntegerType, false),
        // flow events, links, lines of other than one record, a file's counts
        DataTypes.createStructField("event_name", DataTypes.StringType, true),
        DataTypes.createStructField("properties", DataTypes.StringType, true),
        DataTypes.createStructField("linked_hash", DataTypes.StringType, true),
        DataTypes.createStructField("link_ts", DataTypes.StringType, true),
        DataTypes.createStructField("records", DataTypes.IntegerType, true),
        DataTypes.createStructField("merged", DataTypes.LongType, true),
        DataTypes.createStructField("ignored", DataTypes.LongType, true),
    });
    private static final int KIND = 0, FILE = 1, FILE_INDEX = 2, LINE = 3, INDEX = 4, REASON = 5, KEY = 6, SEQ = 7,
            TS = 8, TOOL = 9, VERSION = 10, PATH = 11, FLAGS = 12, EXIT = 13, DURATION = 14, ERROR = 15, ACTOR = 16,
            MACHINE = 17, HINT = 18, CI = 19, SEQUENCE = 20, FORMAT = 21, SOURCE = 22, STATUS = 23, UNKNOWN = 24,
            DROPPED = 25, MALFORMED = 26, VALUES = 27, NAME = 28, PROPERTIES = 29, LINKED = 30, LINK_TS = 31,
            RECORDS = 32, MERGED = 33, IGNORED = 34;

    private StagedRows() {}

    /**
     * The position of an event, as ingest gives it to a file without a line of more than 4,096
     * events (JobStaging moves the later lines of a file that has one).
     */
    static long seq(int fileIndex, long lineNo, int indexInLine) {
        return ((long) fileIndex << FILE_BITS) + lineNo * LINE_SHARE + indexInLine;
    }

    /**
     * The row of a staged line that is not blank: a native line (its reason, or its event), or a
     * PostHog or Segment line (its format only: what it held comes in rows of other kinds).
     */
    static Row line(String file, int fileIndex, long lineNo, StagedLine s) {
        Object[] v = start("line", file, fileIndex, lineNo, 0, seq(fileIndex, lineNo, 0));
        // as ingest counts them: the unknown fields of native lines, accepted or not
        v[UNKNOWN] = s.unknownKeys() != null && "native".equals(s.format()) ? s.unknownKeys().size() : 0;
        v[FORMAT] = s.format();
        v[REASON] = s.reason();
        if (s.event() != null) {
            event(v, s.event());
        }
        return RowFactory.create(v);
    }

    /** A command event a reader mapped, staged as a native line: its event, or its reason. */
    static Row mapped(String file, int fileIndex, long lineNo, int index, String format, StagedLine s) {
        Object[] v = start("event", file, fileIndex, lineNo, index, seq(fileIndex, lineNo, index));
        v[FORMAT] = format;
        v[REASON] = s.event() == null ? (s.reason() != null ? s.reason() : "invalid_json") : null;
        if (s.event() != null) {
            event(v, s.event());
        }
        return RowFactory.create(v);
    }

    /** A flow event, sanitized and keyed. */
    static Row flow(String file, int fileIndex, long lineNo, int index, String format, FlowEvents.Sanitized f) {
        Object[] v = start("flow", file, fileIndex, lineNo, index, seq(fileIndex, lineNo, index));
        v[FORMAT] = format;
        v[KEY] = f.eventKey().toString();
        v[TS] = instant(f.tsMicros());
        v[NAME] = f.eventName();
        v[TOOL] = f.toolName();
        v[VERSION] = f.toolVersion();
        v[ACTOR] = f.actorHash();
        v[MACHINE] = f.machineHash();
        v[HINT] = f.sessionHintHash();
        v[PROPERTIES] = f.properties();
        return RowFactory.create(v);
    }

    /** An alias or identify call: the two ids hashed, its instant as the reader normalised it (or null). */
    static Row link(String file, int fileIndex, long lineNo, int index, String format, String actorHash, String linkedHash,
            String timestamp) {
        Object[] v = start("link", file, fileIndex, lineNo, index, seq(fileIndex, lineNo, index));
        v[FORMAT] = format;
        v[ACTOR] = actorHash;
        v[LINKED] = linkedHash;
        v[LINK_TS] = timestamp;
        return RowFactory.create(v);
    }

    /** A reader's reason for a whole line ({@code reject}) or for one of its records ({@code reject_record}). */
    static Row reject(String kind, String file, int fileIndex, long lineNo, String format, String reason) {
        Object[] v = start(kind, file, fileIndex, lineNo, 0, seq(fileIndex, lineNo, 0));
        v[FORMAT] = format;
        v[REASON] = reason;
        return RowFactory.create(v);
    }

    /** A line read whole that held other than one record. */
    static Row records(String file, int fileIndex, long lineNo, String format, int records) {
        Object[] v = start("records", file, fileIndex, lineNo, 0, seq(fileIndex, lineNo, 0));
        v[FORMAT] = format;
        v[RECORDS] = records;
        return RowFactory.create(v);
    }

    /** A file's lifecycle calls merged into the calls that stand for their invocations, and its events ignored. */
    static Row fileCounts(String file, int fileIndex, long merged, long ignored) {
        Object[] v = start("file", file, fileIndex, 0, 0, seq(fileIndex, 0, 0));
        v[MERGED] = merged;
        v[IGNORED] = ignored;
        return RowFactory.create(v);
    }

    private static Object[] start(String kind, String file, int fileIndex, long lineNo, int index, long seq) {
        Object[] v = new Object[SCHEMA.size()];
        v[KIND] = kind;
        v[FILE] = file;
        v[FILE_INDEX] = fileIndex;
        v[LINE] = lineNo;
        v[INDEX] = index;
        v[SEQ] = seq;
        v[UNKNOWN] = 0;
        v[DROPPED] = 0;
        v[MALFORMED] = 0;
        v[VALUES] = 0;
        return v;
    }

    private static void event(Object[] v, StagedLine.Event e) {
        v[KEY] = e.eventKey().toString();
        v[TS] = instant(e.tsMicros());
        v[TOOL] = e.toolName();
        v[VERSION] = e.toolVersion();
        v[PATH] = e.commandPath().toArray(new String[0]);
        v[FLAGS] = e.flags().toArray(new String[0]);
        v[EXIT] = e.exitCode();
        v[DURATION] = e.durationMs();
        v[ERROR] = e.errorType();
        v[ACTOR] = e.actorHash();
        v[MACHINE] = e.machineHash();
        v[HINT] = e.sessionHintHash();
        v[CI] = e.ciDetected();
        v[SEQUENCE] = e.sequence();
        v[SOURCE] = e.errorSource();
        v[STATUS] = e.httpStatus() == null ? null : Short.valueOf(e.httpStatus().shortValue());
        v[DROPPED] = e.flagsDropped();
        v[MALFORMED] = e.flagsMalformed();
        v[VALUES] = e.flagValues();
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
