package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which width tables and progress take, and how messages wrap on a terminal. */
class TerminalTest {
    @Test
    void theTerminalsOwnWidthWinsOverColumnsWhenTheStreamIsOne() {
        Map<String, String> env = Map.of("COLUMNS", "100");
        assertThat(new Terminal(true, true, 120).stdoutWidth(env)).isEqualTo(120);
        assertThat(new Terminal(false, true, 120).stdoutWidth(env)).isEqualTo(100);
        assertThat(new Terminal(false, false, 0).stdoutWidth(Map.of())).isEqualTo(80);
        assertThat(new Terminal(true, true, 0).stdoutWidth(Map.of("COLUMNS", "wide"))).isEqualTo(80);
        assertThat(new Terminal(true, true, 20).stdoutWidth(env)).as("tables are not laid out narrower").isEqualTo(40);
        assertThat(new Terminal(true, true, 20).stderrWidth(env)).as("progress fits any width").isEqualTo(20);
        assertThat(new Terminal(true, false, 120).stderrWidth(env)).isEqualTo(100);
    }

    @Test
    void longMessagesWrapAtSpacesBelowTheWidthWithAnIndent() {
        String line = "ingested events2m.jsonl: 2,000,000 events stored, 0 duplicates, 0 rejected in 50.5 s (39,577 events/s)";
        assertThat(Wrap.lines(line + "\nshort", 80)).isEqualTo("""
                ingested events2m.jsonl: 2,000,000 events stored, 0 duplicates, 0 rejected in
                  50.5 s (39,577 events/s)
                short""");
        assertThat(Wrap.lines(line, 200)).isEqualTo(line);
        assertThat(Wrap.lines("a-very-long-path/" + "x".repeat(100) + " end", 40))
                .as("a word longer than a line stays whole").isEqualTo("a-very-long-path/" + "x".repeat(100) + "\n  end");
    }
}
