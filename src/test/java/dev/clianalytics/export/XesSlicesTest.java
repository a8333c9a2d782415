package dev.clianalytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.db.Database;
import dev.clianalytics.db.DbSettings;
import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.report.ReportFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log is written one slice of runs at a time: however the runs are cut into slices (one
 * event per slice, a few, all at once), the file is the same bytes, with every trace whole and in
 * run order, and the counts are those of the whole log.
 */
class XesSlicesTest {
    @TempDir
    Path dir;

    @Test
    void anySliceSizeWritesTheSameLog() throws Exception {
        Path db = FixtureDb.create(dir, "discovery/runs.jsonl");
        try (Database d = Database.openReadOnly(db, DbSettings.defaults())) {
            long[] whole = XesExport.copy(d.connection(), ReportFilter.NONE, dir.resolve("whole.xes"), Long.MAX_VALUE / 4);
            String expected = Files.readString(dir.resolve("whole.xes"));
            assertThat(whole[1]).isEqualTo(17);
            assertThat(expected.split("  <trace>\n", -1)).hasSize((int) whole[0] + 1);
            for (long slice : new long[] {1, 2, 5, 16}) {
                Path file = dir.resolve("slices-" + slice + ".xes");
                long[] counts = XesExport.copy(d.connection(), ReportFilter.NONE, file, slice);
                assertThat(Files.readString(file)).as("slices of %d events", slice).isEqualTo(expected);
                assertThat(counts).isEqualTo(whole);
            }
            // a filter that leaves gaps in the run ids: the slices still cut only between runs
            ReportFilter later = new ReportFilter(null, Instant.parse("2026-03-01T10:00:00Z"), null, false);
            XesExport.copy(d.connection(), later, dir.resolve("later-whole.xes"), Long.MAX_VALUE / 4);
            long[] laterCounts = XesExport.copy(d.connection(), later, dir.resolve("later-1.xes"), 1);
            assertThat(Files.readString(dir.resolve("later-1.xes"))).isEqualTo(Files.readString(dir.resolve("later-whole.xes")));
            assertThat(laterCounts[1]).isBetween(1L, whole[1] - 1);
            assertThat(dir.resolve("whole.xes.slice-a")).doesNotExist();
            assertThat(dir.resolve("whole.xes.slice-b")).doesNotExist();
        }
    }
}
