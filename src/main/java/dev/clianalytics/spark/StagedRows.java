package dev.clianalytics.spark;

import dev.clianalytics.ingest.sanitize.StagedLine;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The staged lines as Spark rows: where the line was (file, file_index, line_no), its reject reason
 * or null, and for an accepted event the columns of the database's events table (schema 13; the
 * event key a UUID's text). Holds nothing raw: the event is already sanitized by NativeLines.
 */
final class StagedRows {
    /** ingest_seq: each file owns a block of 2^40 positions, each line 4,096 (IngestPositions). */
    static final int FILE_BITS = 40;
    static final int LINE_SHARE = 4096;

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("file_index", DataTypes.IntegerType, false),
        DataTypes.createStructField("line_no", DataTypes.LongType, false),
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
    });

    private StagedRows() {}

    /**
     * The row of a staged line that is not blank. A line of another format (PostHog, Segment) is a
     * reject for now, {@code format_not_supported:FORMAT}: the job reads the native format only.
     */
    static Row row(String file, int fileIndex, long lineNo, StagedLine s) {
        long seq = ((long) fileIndex << FILE_BITS) + lineNo * LINE_SHARE;
        StagedLine.Event e = s.event();
        // as ingest counts them: the unknown fields of native lines, accepted or not
        int unknown = s.unknownKeys() != null && "native".equals(s.format()) ? s.unknownKeys().size() : 0;
        if (e == null) {
            String reason = s.reason() != null ? s.reason() : "format_not_supported:" + s.format();
            return RowFactory.create(file, fileIndex, lineNo, reason, null, seq, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, unknown, 0, 0, 0);
        }
        return RowFactory.create(file, fileIndex, lineNo, null, e.eventKey().toString(), seq, instant(e.tsMicros()),
                e.toolName(), e.toolVersion(), e.commandPath().toArray(new String[0]), e.flags().toArray(new String[0]),
                e.exitCode(), e.durationMs(), e.errorType(), e.actorHash(), e.machineHash(), e.sessionHintHash(),
                e.ciDetected(), e.sequence(), "native", e.errorSource(),
                e.httpStatus() == null ? null : Short.valueOf(e.httpStatus().shortValue()), unknown, e.flagsDropped(),
                e.flagsMalformed(), e.flagValues());
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
