package dev.clianalytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The job's line reader keeps at most a little over 1 MiB of a line: longer ones are line_too_long, however long. */
class FileLinesTest {
    private static final String EVENT = "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"tool_name\":\"npm\",\"command_path\":"
            + "[\"npm\",\"test\"],\"actor_id\":\"a\",\"machine_id\":\"m\"}";

    private static int largestBuffer;

    private static List<String> read(byte[] input) throws Exception {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        NativeLines parser = new NativeLines("auto", key, "00").withGate(WordGate.OFF);
        ForeignLines foreign = new ForeignLines("f.jsonl", 0, dev.clianalytics.ingest.formats.FormatConfig.defaults(),
                new NativeLines("native", key, "00"), new dev.clianalytics.ingest.sanitize.IdHasher(key),
                new dev.clianalytics.ingest.sanitize.FlowEvents(key, "00"));
        FileLines lines = new FileLines(new ByteArrayInputStream(input), "f.jsonl", 0, parser, foreign, d -> { });
        List<String> out = new ArrayList<>();
        while (lines.hasNext()) {
            Row r = lines.next();
            largestBuffer = Math.max(largestBuffer, lines.bufferSize());
            out.add(r.getLong(StagedRows.SCHEMA.fieldIndex("line_no")) + " " + r.getString(StagedRows.SCHEMA.fieldIndex("reason")));
        }
        return out;
    }

    @Test
    void aLineLongerThan16MiBIsRejectedAndTheNextLinesRead() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write((EVENT + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[17 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        in.write(huge);
        in.write('\n');
        byte[] spaces = new byte[2 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        in.write(spaces); // a long blank line is still blank
        in.write('\n');
        in.write(EVENT.replace("10:00:00", "10:00:01").getBytes(StandardCharsets.UTF_8));
        largestBuffer = 0;
        assertThat(read(in.toByteArray())).containsExactly("1 null", "2 line_too_long", "4 null");
        assertThat(largestBuffer).isLessThanOrEqualTo(FileLines.KEPT);
    }

    @Test
    void aLineJustWithinTheLimitIsReadAsIngestReadsIt() throws Exception {
        String padded = EVENT.replace("\"npm\",\"test\"]", "\"npm\",\"test\"],\"x\":\"" + "y".repeat(NativeLines.MAX_LINE_BYTES
                - EVENT.length() - 7) + "\"");
        assertThat(padded.length()).isEqualTo(NativeLines.MAX_LINE_BYTES);
        assertThat(read((padded + "\r\n" + padded + "z\n").getBytes(StandardCharsets.UTF_8)))
                .containsExactly("1 null", "2 line_too_long");
    }
}
