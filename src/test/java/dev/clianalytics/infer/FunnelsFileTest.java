package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed --funnels file fails before anything is written: file, line and key in one line, exit 2. */
class FunnelsFileTest extends InferTestBase {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "unknown key; 'funnels:\n  - name: a\n    stepz: []\n'; line 3: unknown key 'funnels[0].stepz' (expected name, steps, failure_events, window or breakdown)",
        "neither event nor command; 'funnels:\n  - name: a\n    steps:\n      - event: A\n      - outcome: success\n'; line 5: funnels[0].steps[1] has neither 'event' nor 'command'",
        "negative window; 'funnels:\n  - name: a\n    steps: [{event: A}, {event: B}]\n    window: -1h\n'; line 4: funnels[0].window must be a positive duration, not negative",
        "top-level key; 'funnel:\n  - name: a\n'; line 1: unknown key 'funnel' (expected funnels)",
        "one step; 'funnels:\n  - name: a\n    steps: [{event: A}]\n'; line 3: funnels[0].steps must have at least two steps",
        "bad yaml; 'funnels: [\n'; line 1: not valid YAML"})
    void aMalformedFileIsAUsageErrorNamingFileLineAndKey(String what, String yaml, String message) throws Exception {
        load("terraform_basic.jsonl");
        Path file = Files.writeString(dir.resolve("funnels.yaml"), yaml.replace("\\n", "\n"));
        CliRun.Result r = CliRun.withDb(db()).run("infer", "--funnels", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("error: funnels file " + file + ", " + message);
        assertThat(rows("SELECT count(*) FROM infer_runs")).containsExactly("0");
    }
}
