package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Infer's progress line with a fake clock: the step and its model, a bar when the database can tell, times. */
class InferProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter out = new StringWriter();

    private List<String> frames() {
        return List.of(out.toString().substring(1).split("\r", -1)).stream().map(f -> "\r" + f).toList();
    }

    @Test
    void showsTheStepItsShareDoneTimeLeftAndTheTimeInAll() {
        InferProgressLine line = new InferProgressLine(new PrintWriter(out, true), 80, clock::get);
        line.update(1, 20, "int_actor_identity", -1);
        clock.set(5 * SECOND);
        line.update(8, 20, "int_steps", -1);
        clock.set(8 * SECOND);
        line.update(8, 20, "int_steps", 0.25);
        clock.set(17 * SECOND);
        line.update(15, 20, "workflow_runs", -1);
        clock.set(18 * SECOND);
        line.update(20, 20, "commit", -1);
        line.clear();
        assertThat(frames()).containsExactly(
                "\rstep 8/20 int_steps  0:00 in step  0:05 in all\033[K",
                "\rstep 8/20 int_steps              [=====>              ]  25%  0:09 left\033[K",
                "\rstep 15/20 workflow_runs  0:00 in step  0:17 in all\033[K",
                "\rstep 20/20 commit  0:00 in step  0:18 in all\033[K",
                "\r\033[K");
    }

    @Test
    void aNarrowTerminalKeepsTheStepAndItsTimeWithinTheWidth() {
        for (int width = 10; width <= 100; width++) {
            out.getBuffer().setLength(0);
            clock.set(0);
            InferProgressLine line = new InferProgressLine(new PrintWriter(out, true), width, clock::get);
            clock.set(30 * SECOND);
            line.update(12, 20, "int_events_sessionized", -1);
            clock.set(33 * SECOND);
            line.update(12, 20, "int_events_sessionized", 0.5);
            int w = width;
            assertThat(frames()).hasSize(2).allSatisfy(f ->
                    assertThat(f.length() - 1 - StatusLine.CLEAR_TO_END.length()).as(f).isLessThan(w));
        }
    }
}
