package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clianalytics.report.FixtureDb;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** --since/--until: relative times before a fixed now, and the absolute forms. */
class InstantConverterTest {
    /** "now" for these tests, with a fraction of a second that relative times drop. */
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00.750Z");
    static final InstantConverter CONVERTER = new InstantConverter(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void relativeTimesAreThatLongBeforeNowToTheSecond() {
        assertThat(CONVERTER.convert("30m")).isEqualTo("2026-03-10T11:30:00Z");
        assertThat(CONVERTER.convert("12h")).isEqualTo("2026-03-10T00:00:00Z");
        assertThat(CONVERTER.convert("7d")).isEqualTo("2026-03-03T12:00:00Z");
        assertThat(CONVERTER.convert("2w")).isEqualTo("2026-02-24T12:00:00Z");
        assertThat(CONVERTER.convert("90s")).isEqualTo("2026-03-10T11:58:30Z");
        assertThat(CONVERTER.convert("0d")).isEqualTo("2026-03-10T12:00:00Z");
    }

    @Test
    void absoluteTimesAreIsoWithASpaceAllowedForTheT() {
        assertThat(CONVERTER.convert("2026-03-10 10:00")).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(CONVERTER.convert("2026-03-10 10:00:30")).isEqualTo("2026-03-10T10:00:30Z");
        assertThat(CONVERTER.convert("2026-03-10 10:00+02:00")).isEqualTo("2026-03-10T08:00:00Z");
        assertThat(CONVERTER.convert("2026-03-10T10:00:00Z")).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(CONVERTER.convert("2026-03-10T10:00:00")).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(CONVERTER.convert("2026-03-10")).isEqualTo("2026-03-10T00:00:00Z");
    }

    @Test
    void anythingElseIsRefusedWithTheFormsThatWork() {
        for (String bad : new String[] {"yesterday", "7", "d", "7y", "-7d", "7 d", "1h30m", "",
            "2026-13-01", "100000w"}) {
            assertThatThrownBy(() -> CONVERTER.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageEndingWith("is not a time; use 7d, 12h, 30m, 2w (before now) or an ISO-8601 date or time,"
                            + " e.g. 2026-01-24, 2026-01-24 10:00 or 2026-01-24T10:00:00Z");
        }
    }

    @Test
    void aBadTimeIsAUsageErrorNamingTheOptionInReportsAndExport(@TempDir Path dir) throws Exception {
        Path db = FixtureDb.create(dir);
        for (String[] args : new String[][] {{"report", "summary", "--since", "last week"},
            {"export", "events", "--to", "-", "--until", "7x"}}) {
            Result r = CliRun.withDb(db).run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(r.toString()).startsWith("error: Invalid value for option '" + args[args.length - 2]
                    + "': '" + args[args.length - 1] + "' is not a time");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aRelativeSinceFiltersTheReport(@TempDir Path dir) throws Exception {
        Path db = FixtureDb.create(dir);
        // the fixture's events are from January 2026: a week before now holds none of them
        Result r = CliRun.withDb(db).run("report", "summary", "--since", "1w", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"total_events\": 0,");
        Result all = CliRun.withDb(db).run("report", "summary", "--since", "2026-01-10 09:00", "--format", "json");
        assertThat(all.out()).contains("\"total_events\": 18,", "\"since\": \"2026-01-10T09:00:00Z\"");
    }
}
