package dev.clianalytics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job's arguments: the salt never among them, every mistake named (docs/scale.md, "Spark job"). */
class JobOptionsTest {
    private static final Map<String, String> SALTED = Map.of("CLI_ANALYTICS_SALT", "from-env");

    @Test
    void theSaltIsNeverAnArgument() {
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--salt", "secret-value"))
                .isInstanceOf(JobOptions.UsageException.class)
                .hasMessageStartingWith("the salt is never an argument")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void theSaltComesFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        JobOptions env = parse(SALTED, "--input", "x", "--output", "y");
        assertThat(env.salt().hmacKey()).isEqualTo("from-env".getBytes());
        Path file = Files.writeString(dir.resolve("salt"), "from-file\n");
        JobOptions fromFile = parse(SALTED, "--input", "x", "--output", "y", "--salt-file", file.toString());
        assertThat(fromFile.salt().hmacKey()).isEqualTo("from-file".getBytes());
        assertThatThrownBy(() -> parse(Map.of(), "--input", "x", "--output", "y"))
                .hasMessageStartingWith("no salt: set CLI_ANALYTICS_SALT");
        assertThatThrownBy(() -> parse(Map.of(), "--input", "x", "--output", "y", "--reveal-at", "1", "--salt-file",
                dir.resolve("missing").toString()))
                .hasMessageStartingWith("cannot read salt file " + dir.resolve("missing") + " (--salt-file)");
    }

    @Test
    void mistakesNameTheOption(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--reveal-at", "0"))
                .hasMessage("--reveal-at must be a whole number, 1 or more, not '0'");
        assertThatThrownBy(() -> parse(Map.of("CLI_ANALYTICS_SALT", "s", "CLI_ANALYTICS_REVEAL_AT", "many"), "--input", "x",
                "--output", "y")).hasMessage("CLI_ANALYTICS_REVEAL_AT must be a whole number, 1 or more, not 'many'");
        assertThatThrownBy(() -> parse(SALTED, "--output", "y"))
                .hasMessage("--input PATH and --output DIR are required");
        assertThatThrownBy(() -> parse(SALTED, "--input")).hasMessage("option --input needs a value");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--input", "z", "--output", "y"))
                .hasMessage("option --input is given twice");
        assertThatThrownBy(() -> parse(SALTED, "--inptu", "x"))
                .hasMessageStartingWith("unknown argument --inptu; usage: --input PATH --output DIR");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--max-rejects", "-1"))
                .hasMessage("--max-rejects must be a whole number, 0 or more, not '-1'");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--format", "csv"))
                .hasMessage("--format must be auto, native, posthog or segment, not 'csv'");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--tool", "a b"))
                .hasMessageStartingWith("--tool must be a tool name");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--session-timeout", "soon"))
                .hasMessageStartingWith("--session-timeout: ");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--as-of", "later"))
                .hasMessageStartingWith("--as-of: 'later' is not an ISO-8601 timestamp");
        Path settings = Files.writeString(dir.resolve("cli-analytics.yaml"), "session_timeout: 20m\nsesion: 1\n");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--settings", settings.toString()))
                .hasMessageStartingWith("settings file " + settings + ", line 2: ");
        Path commands = Files.writeString(dir.resolve("commands.txt"), "kubectl get\nkubectl 9lives\n");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--commands", commands.toString()))
                .hasMessageStartingWith("--commands file " + commands + ":2: '9lives'");
    }

    @Test
    void settingsResolveAsInfersAndTheirWordsAreKnown(@TempDir Path dir) throws Exception {
        JobOptions plain = parse(SALTED, "--input", "x", "--output", "y");
        assertThat(plain.revealAt()).isEqualTo(2);
        assertThat(plain.format()).isEqualTo("auto");
        assertThat(plain.maxRejects()).isNull();
        assertThat(parse(SALTED, "--input", "x", "--output", "y", "--max-rejects", "0").maxRejects()).isZero();
        assertThat(parse(SALTED, "--input", "x", "--output", "y", "--format", "PostHog").format()).isEqualTo("posthog");
        assertThat(parse(SALTED, "--input", "x", "--output", "y", "--tool", "kubectl").formats().segment().defaultTool())
                .isEqualTo("kubectl");
        assertThat(plain.settings().sessionTimeout()).hasMinutes(30);
        assertThat(plain.knownWords()).contains("apply", "init").doesNotContain("image_build", "rollout");
        Path settings = Files.writeString(dir.resolve("cli-analytics.yaml"), String.join("\n", "session_timeout: 20m",
                "workflows:", "  workflow_names:", "    - {tool: docker, terminal: build, name: image_build}", ""));
        Path commands = Files.writeString(dir.resolve("commands.txt"), "kubectl rollout status --watch\n");
        JobOptions given = parse(Map.of("CLI_ANALYTICS_SALT", "s", "CLI_ANALYTICS_REVEAL_AT", "3"), "--input", "x",
                "--output", "y", "--settings", settings.toString(), "--commands", commands.toString());
        assertThat(given.revealAt()).isEqualTo(3);
        assertThat(given.settings().sessionTimeout()).hasMinutes(20);
        assertThat(given.settings().workflowsFile()).isEqualTo("cli-analytics.yaml");
        assertThat(given.knownWords()).contains("apply", "image_build", "rollout", "status", "--watch");
        // an option wins over the settings file, as with infer
        JobOptions over = parse(SALTED, "--input", "x", "--output", "y", "--settings", settings.toString(),
                "--session-timeout", "45m", "--reveal-at", "1", "--as-of", "2026-03-01");
        assertThat(over.settings().sessionTimeout()).hasMinutes(45);
        assertThat(over.settings().asOf()).isEqualTo(java.time.Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(over.revealAt()).isEqualTo(1);
    }

    @Test
    void aFailedJobSaysWhatFailedInOneLine() {
        Exception wrapped = new org.apache.spark.SparkException("Job aborted due to stage failure: Task 0 in stage 0.0 failed",
                new java.io.UncheckedIOException("cannot read input file f.jsonl.gz",
                        new java.util.zip.ZipException("invalid code lengths set")));
        assertThat(SparkJob.failure(wrapped)).isEqualTo("cannot read input file f.jsonl.gz: invalid code lengths set");
        assertThat(SparkJob.failure(new IllegalStateException("input file f holds too many lines")))
                .isEqualTo("input file f holds too many lines");
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(SparkJob.execute(new String[] {"--verbose", "--input", "x"}, SALTED, new java.io.PrintWriter(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cli-analytics-spark: --input PATH and --output DIR are required" + System.lineSeparator());
    }

    private static JobOptions parse(Map<String, String> env, String... args) {
        return JobOptions.parse(args, env);
    }
}
