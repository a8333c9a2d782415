package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.ingest.IngestProgress.Phase;
import dev.clianalytics.ingest.InputFile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest's progress line, drawn with a fake clock at a given width: exactly what the terminal gets. */
class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MB = 1_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter out = new StringWriter();
    private InputFile file;

    @BeforeEach
    void openFile() throws Exception {
        file = InputFile.open(Files.writeString(dir.resolve("events.jsonl"), "{}\n").toString(),
                new ByteArrayInputStream(new byte[0]));
    }

    @AfterEach
    void closeFile() {
        file.close();
    }

    private ProgressBar bar(int width) {
        return new ProgressBar(new PrintWriter(out, true), width, clock::get);
    }

    /** What was drawn, one redraw per element (each starts with a carriage return). */
    private List<String> frames() {
        return List.of(out.toString().substring(1).split("\r", -1)).stream().map(f -> "\r" + f).toList();
    }

    @Test
    void nothingIsDrawnInTheFirstSecond() {
        ProgressBar bar = bar(80);
        clock.set(SECOND / 2);
        bar.update(file, 0.5, 300 * MB, 672 * MB, 900_000);
        bar.clear();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void readingShowsEventsMegabytesRateAndTimeLeftInEightyColumns() {
        ProgressBar bar = bar(80);
        clock.set(3 * SECOND);
        bar.update(file, 0.25, 168 * MB, 672 * MB, 500_000);
        clock.set(10 * SECOND);
        bar.update(file, 0.45, 302 * MB, 672 * MB, 900_000);
        assertThat(frames()).containsExactly(
                "\rreading   [=====>              ]  25%  ~500,000 events  168/672 MB  0:09 left\033[K",
                "\rreading   [========>           ]  44%  ~900,000 events  302/672 MB  0:12 left\033[K");
    }

    @Test
    void theTimeLeftCountsDownWhileTheShareDoneDoesNotMove() {
        ProgressBar bar = bar(80);
        clock.set(4 * SECOND);
        bar.update(file, 0.1, 67 * MB, 672 * MB, 200_000);
        clock.set(6 * SECOND);
        bar.update(file, 0.1, 67 * MB, 672 * MB, 200_000);
        clock.set(8 * SECOND);
        bar.update(file, 0.2, 134 * MB, 672 * MB, 400_000);
        assertThat(frames()).containsExactly(
                "\rreading   [=>                  ]   9%  ~200,000 events  67/672 MB  0:36 left\033[K",
                "\rreading   [=>                  ]   9%  ~200,000 events  67/672 MB  0:34 left\033[K",
                "\rreading   [===>                ]  19%  ~400,000 events  134/672 MB  0:32 left\033[K");
    }

    @Test
    void aWideTerminalGetsTheRateAndANarrowOneLosesDetailsBeforeTheBar() {
        ProgressBar wide = bar(120);
        clock.set(10 * SECOND);
        wide.update(file, 0.45, 302 * MB, 672 * MB, 900_000);
        assertThat(out.toString()).isEqualTo("\rreading   [=============>                ]  44%"
                + "  ~900,000 events  302/672 MB  ~90,000/s  0:12 left\033[K");
        out.getBuffer().setLength(0);
        clock.set(0);
        ProgressBar narrow = bar(50);
        clock.set(10 * SECOND);
        narrow.update(file, 0.45, 302 * MB, 672 * MB, 900_000);
        assertThat(out.toString()).isEqualTo("\rreading   [=====>      ]  44%  0:12 left\033[K");
    }

    @Test
    void laterPhasesAreNamedWithTheirShareDoneWhenTheDatabaseKnowsIt() {
        ProgressBar bar = bar(80);
        clock.set(40 * SECOND);
        bar.update(file, 1, 672 * MB, 672 * MB, 2_000_000);
        bar.phase(Phase.CHECKING, -1);
        clock.set(42 * SECOND);
        bar.phase(Phase.CHECKING, -1);
        bar.phase(Phase.WRITING, -1);
        clock.set(45 * SECOND);
        bar.phase(Phase.WRITING, 0.6);
        clock.set(48 * SECOND);
        bar.phase(Phase.COMMITTING, -1);
        bar.clear();
        assertThat(frames()).containsExactly(
                "\rreading   [====================] 100%  ~2,000,000 events  0:40 elapsed\033[K",
                "\rchecking  0:00 elapsed\033[K",
                "\rchecking  0:02 elapsed\033[K",
                "\rwriting  0:00 elapsed\033[K",
                "\rwriting   [============>       ]  60%  0:02 left\033[K",
                "\rcommitting  0:00 elapsed\033[K",
                "\r\033[K");
    }

    @Test
    void everyLineIsShorterThanTheWidthAtAnyWidth() {
        for (int width = 10; width <= 140; width++) {
            out.getBuffer().setLength(0);
            ProgressBar bar = bar(width);
            clock.set(10 * SECOND);
            bar.update(file, 0.45, 302 * MB, 672 * MB, 1_234_567_890);
            bar.phase(Phase.WRITING, 0.5);
            bar.phase(Phase.COMMITTING, -1);
            int w = width;
            assertThat(frames()).hasSize(3).allSatisfy(f -> {
                assertThat(f).startsWith("\r").endsWith(StatusLine.CLEAR_TO_END);
                assertThat(f.length() - 1 - StatusLine.CLEAR_TO_END.length()).as(f).isLessThan(w);
            });
            clock.set(0);
        }
    }
}
