package dev.clianalytics.ingest.formats;

import static dev.clianalytics.ingest.formats.PostHogReaderTest.j;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Damaged input never escapes as an exception: every line is mapped or rejected with a reason. */
class ReaderRobustnessTest {
    private static final List<String> VALID = List.of(
            j("{'batch':[{'type':'track','event':'Command Invoked','anonymousId':'a','messageId':'m','timestamp':'2026-06-04T10:00:00Z',"
                    + "'context':{'app':{'name':'grout','version':'1.0'},'device':{'id':'d'}},'properties':{'invocation_id':'i',"
                    + "'command_path':['grout','x'],'flags':['--y'],'ci':false,'sequence':2}},{'type':'track','event':'Command Completed',"
                    + "'anonymousId':'a','properties':{'invocation_id':'i','exit_code':0,'succeeded':true,'duration_ms':5}},"
                    + "{'type':'track','event':'CLI Auth Started','anonymousId':'a','timestamp':'2026-06-04T10:00:00Z','properties':{'flow':'login'}},"
                    + "{'type':'alias','previousId':'a','userId':'u'}]}"),
            j("{'api_key':'k','batch':[{'event':'CLI execution failed','distinct_id':'a','timestamp':'2025-01-01T00:00:00+02:00',"
                    + "'uuid':'u','properties':{'command_name':'toolkit.run','duration':12.5,'error_message':'boom','exit_code':3,"
                    + "'flags':['--a'],'ci':true,'sequence':1}},{'event':'$create_alias','distinct_id':'p','properties':{'alias':'a'}}]}"));

    @Test
    void everyTruncationAndByteFlipOfValidLinesIsMappedOrRejectedNeverThrown() {
        Random rnd = new Random(7);
        List<String> damaged = new ArrayList<>();
        for (String line : VALID) {
            for (int cut = 0; cut < line.length(); cut++) {
                damaged.add(line.substring(0, cut) + (cut % 2 == 0 ? "" : "}"));
            }
            String alphabet = "{}[]\",:0123456789.-eEtruefalsnl \\aZ";
            for (int k = 0; k < 3000; k++) {
                char[] c = line.toCharArray();
                for (int flips = 1 + rnd.nextInt(3); flips > 0; flips--) {
                    c[rnd.nextInt(c.length)] = alphabet.charAt(rnd.nextInt(alphabet.length()));
                }
                damaged.add(new String(c));
            }
        }
        for (Supplier<FormatReader> reader : List.<Supplier<FormatReader>>of(
                () -> new PostHogReader(FormatConfig.defaults().posthog()),
                () -> new SegmentReader(FormatConfig.defaults().segment()))) {
            FormatReader r = reader.get();
            RecordingSink sink = new RecordingSink();
            long n = 0;
            for (String line : damaged) {
                if (line.isBlank()) {
                    continue;
                }
                int before = sink.rejects.size();
                FormatDetector.detect(line);
                r.accept(line, ++n, sink);
                assertThat(sink.rejects.size() - before).as("one reject at most per line").isLessThanOrEqualTo(1);
            }
            r.finish(sink);
            // every line is read whole or rejected whole, and every record read has exactly one outcome
            for (long line = 1; line <= n; line++) {
                assertThat(sink.recordsRead.containsKey(line)).as("line %d", line).isNotEqualTo(sink.rejectedLines.contains(line));
            }
            assertThat(sink.outcomes()).isEqualTo(sink.records());
            assertThat(sink.rejects).allMatch(x -> x.matches("\\d+:(invalid_json|missing_field:[A-Za-z_$]+|wrong_type:[A-Za-z_$]+"
                    + "|bad_timestamp|empty_command_path|line_too_long)"));
        }
    }
}
