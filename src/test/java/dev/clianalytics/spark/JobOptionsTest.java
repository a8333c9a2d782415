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
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--salt", "secret-value", "--reveal-at", "1"))
                .isInstanceOf(JobOptions.UsageException.class)
                .hasMessageStartingWith("the salt is never an argument")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void theSaltComesFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        JobOptions env = parse(SALTED, "--input", "x", "--output", "y", "--reveal-at", "1");
        assertThat(env.salt().hmacKey()).isEqualTo("from-env".getBytes());
        Path file = Files.writeString(dir.resolve("salt"), "from-file\n");
        JobOptions fromFile = parse(SALTED, "--input", "x", "--output", "y", "--salt-file", file.toString(), "--reveal-at", "1");
        assertThat(fromFile.salt().hmacKey()).isEqualTo("from-file".getBytes());
        assertThatThrownBy(() -> parse(Map.of(), "--input", "x", "--output", "y", "--reveal-at", "1"))
                .hasMessageStartingWith("no salt: set CLI_ANALYTICS_SALT");
        assertThatThrownBy(() -> parse(Map.of(), "--input", "x", "--output", "y", "--reveal-at", "1", "--salt-file",
                dir.resolve("missing").toString()))
                .hasMessageStartingWith("cannot read salt file " + dir.resolve("missing") + " (--salt-file)");
    }

    @Test
    void mistakesNameTheOption() {
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y"))
                .hasMessageStartingWith("the Spark job does not hold rare command words back yet");
        assertThatThrownBy(() -> parse(SALTED, "--input", "x", "--output", "y", "--reveal-at", "2"))
                .hasMessageContaining("pass --reveal-at 1");
        assertThatThrownBy(() -> parse(SALTED, "--output", "y", "--reveal-at", "1"))
                .hasMessage("--input PATH and --output DIR are required");
        assertThatThrownBy(() -> parse(SALTED, "--input")).hasMessage("option --input needs a value");
        assertThatThrownBy(() -> parse(SALTED, "--inptu", "x"))
                .hasMessageStartingWith("unknown argument --inptu; usage: --input PATH --output DIR");
    }

    private static JobOptions parse(Map<String, String> env, String... args) {
        return JobOptions.parse(args, env);
    }
}
