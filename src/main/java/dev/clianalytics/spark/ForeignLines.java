package dev.clianalytics.spark;

import dev.clianalytics.ingest.formats.EventFormat;
import dev.clianalytics.ingest.formats.FlowEvent;
import dev.clianalytics.ingest.formats.FormatConfig;
import dev.clianalytics.ingest.formats.FormatReader;
import dev.clianalytics.ingest.formats.NativeEvent;
import dev.clianalytics.ingest.formats.NativeJson;
import dev.clianalytics.ingest.sanitize.FlowEvents;
import dev.clianalytics.ingest.sanitize.IdHasher;
import dev.clianalytics.ingest.sanitize.NativeLines;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The PostHog and Segment lines of one file, handed in line order to their readers (one per format
 * and file, as ingest's ForeignStage does), and what the readers emit as StagedRows rows: command
 * events staged as native lines by the shared NativeLines (so validated, keyed and sanitized exactly
 * as native events), flow events sanitized by FlowEvents, links with both ids hashed, rejects, the
 * records of batch lines, and the file's merged and ignored counts. Nothing raw leaves it.
 */
final class ForeignLines {
    private final String file;
    private final int fileIndex;
    private final FormatConfig config;
    private final NativeLines natives;
    private final IdHasher ids;
    private final FlowEvents flows;
    private final Map<String, FormatReader> readers = new LinkedHashMap<>();
    private long merged;
    private long ignored;

    ForeignLines(String file, int fileIndex, FormatConfig config, NativeLines natives, IdHasher ids, FlowEvents flows) {
        this.file = file;
        this.fileIndex = fileIndex;
        this.config = config;
        this.natives = natives;
        this.ids = ids;
        this.flows = flows;
    }

    /** A line staging found to be {@code format}'s: its reader reads it; what it emits goes to {@code out}. */
    void line(long lineNo, String format, String text, Deque<Row> out) {
        FormatReader reader = readers.computeIfAbsent(format,
                f -> EventFormat.valueOf(f.toUpperCase(Locale.ROOT)).reader(config));
        reader.accept(text, lineNo, new Sink(format, out));
    }

    /** After the file's last line: what the readers still hold, and the file's counts. */
    void finish(Deque<Row> out) {
        readers.forEach((format, reader) -> reader.finish(new Sink(format, out)));
        readers.clear();
        if (merged > 0 || ignored > 0) {
            out.add(StagedRows.fileCounts(file, fileIndex, merged, ignored));
        }
    }

    /** What one reader emits for this file. */
    private final class Sink implements FormatReader.Sink {
        private final String format;
        private final Deque<Row> out;

        Sink(String format, Deque<Row> out) {
            this.format = format;
            this.out = out;
        }

        @Override
        public void event(long lineNumber, int indexInLine, NativeEvent e) {
            byte[] line = NativeJson.line(e).getBytes(StandardCharsets.UTF_8);
            out.add(StagedRows.mapped(file, fileIndex, lineNumber, indexInLine, format, natives.stage(line, 0, line.length)));
        }

        @Override
        public void flowEvent(long lineNumber, int indexInLine, FlowEvent e) {
            FlowEvents.Sanitized f = e.sanitized(flows);
            if (f == null) {
                reject(lineNumber, "bad_timestamp");
            } else {
                out.add(StagedRows.flow(file, fileIndex, lineNumber, indexInLine, format, f));
            }
        }

        @Override
        public void link(long lineNumber, int indexInLine, String actorId, String linkedActorId, String timestamp) {
            out.add(StagedRows.link(file, fileIndex, lineNumber, indexInLine, format, ids.hash(actorId), ids.hash(linkedActorId),
                    timestamp));
        }

        @Override
        public void ignored(String eventName) {
            ignored++;
        }

        @Override
        public void reject(long lineNumber, String reason) {
            out.add(StagedRows.reject("reject", file, fileIndex, lineNumber, format, reason));
        }

        @Override
        public void rejectRecord(long lineNumber, String reason) {
            out.add(StagedRows.reject("reject_record", file, fileIndex, lineNumber, format, reason));
        }

        @Override
        public void lineRead(long lineNumber, int records) {
            if (records != 1) {
                out.add(StagedRows.records(file, fileIndex, lineNumber, format, records));
            }
        }

        @Override
        public void merged(int calls) {
            merged += Math.max(0, calls);
        }

        @Override
        public void toolDefaulted() {
            // ingest only tells it in its summary; the job's tables do not hold it
        }
    }
}
