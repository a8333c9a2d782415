package dev.clianalytics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.ingest.Salt;
import dev.clianalytics.reliability.Children.Child;
import dev.clianalytics.reliability.Children.Launch;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two commands on one database at once (two child JVMs): each either works or gets exit 4 with
 * the "in use" message (a report after an ingest that won the race first infers, the tables being
 * stale); retried, everything is there once, the derived tables are what a clean infer gives, and
 * a report that ran showed one infer run's numbers, never a mix.
 */
final class Concurrency {
    static final String FIRST = "first ingest+first ingest";
    static final List<String> PAIRS = List.of("ingest+ingest", "ingest+infer", "ingest+report", "infer+infer", "infer+report", FIRST);

    private static final String BUSY = "(?s)error: database .* is in use by another process \\(PID \\d+\\); try again when it has finished, or add --wait to wait for it\\n";

    private Concurrency() {}

    /** A database with {@code events} events, inferred: where the pairs race (the first-ingest pair makes its own). */
    static Path seeded(Path dir, Random rnd, int events) throws IOException {
        Files.createDirectories(dir);
        Path db = dir.resolve("pairs.duckdb");
        Path seed = Children.events(dir, "seed.jsonl", rnd, events);
        Crashes.require(CliRun.withDb(db).run("ingest", seed.toString()), "seeding the pairs' database");
        Crashes.require(CliRun.withDb(db).run("infer"), "seeding the pairs' database");
        Files.delete(seed);
        return db;
    }

    /** Runs one pair; returns how many of the two got exit 4 (and were retried). */
    static int pair(Path dir, Path shared, Random rnd, String pair, int lines) throws Exception {
        boolean first = pair.equals(FIRST);
        Path db = first ? dir.resolve("new-" + System.nanoTime() + ".duckdb") : shared;
        Path a = Children.events(dir, "pair-a.jsonl", rnd, lines);
        Path b = Children.events(dir, "pair-b.jsonl", rnd, lines);
        String[] report = {"report", "summary", "--format", "json"};
        String[][] commands = switch (pair) {
            case "ingest+ingest", FIRST -> new String[][] {{"ingest", a.toString()}, {"ingest", b.toString()}};
            case "ingest+infer" -> new String[][] {{"ingest", a.toString()}, {"infer"}};
            case "ingest+report" -> new String[][] {{"ingest", a.toString()}, report};
            case "infer+infer" -> new String[][] {{"infer"}, {"infer"}};
            case "infer+report" -> new String[][] {{"infer"}, report};
            default -> throw new IllegalArgumentException(pair);
        };
        if (pair.equals("infer+infer")) {
            Crashes.require(CliRun.withDb(db).run("ingest", a.toString()), "the ingest before the pair"); // work for both
        }
        if (pair.endsWith("+report")) {
            // A report on derived tables older than the last ingest infers first: bring them up to
            // date, so that only an ingest winning the race makes the report write too.
            Crashes.require(CliRun.withDb(db).run("infer"), "the infer before the pair");
        }
        long[] before = DbState.ingestRuns(db);
        // The first-ingest pair runs without a salt in the environment: the winner creates <db>.salt.
        Map<String, String> env = new HashMap<>();
        if (first) {
            env.put("CLI_ANALYTICS_SALT", null);
        }
        Launch launch = new Launch(null, env, null);
        Child one = Children.start(dir, db, launch, commands[0]);
        Thread.sleep(rnd.nextInt(first ? 100 : 400)); // two first ingests race for the file's creation: close together
        Child two = Children.start(dir, db, launch, commands[1]);
        int busy = 0;
        int[] codes = {one.waitFor(), two.waitFor()}; // both ended before any retry
        for (int i = 0; i < 2; i++) {
            Child child = i == 0 ? one : two;
            String[] command = commands[i];
            String context = pair + ": " + String.join(" ", command) + " exit " + codes[i] + "\n" + child.stderr();
            Hostile.assertClean(child.result(codes[i], List.of(command)), context);
            boolean isReport = command[0].equals("report");
            if (codes[i] == 4) {
                if (!child.stderr().matches(BUSY)) {
                    throw new AssertionError("busy without the clear message: " + context);
                }
                busy++;
                CliRun run = CliRun.withDb(db);
                CliRun.Result retry = (first ? run.env("CLI_ANALYTICS_SALT", null) : run).run(command);
                if (retry.exitCode() != 0) {
                    throw new AssertionError("the retry failed: " + context + "\n" + retry);
                }
                if (isReport) {
                    checkReport(db, retry.out(), context);
                }
            } else if (codes[i] != 0) {
                throw new AssertionError("neither done nor busy: " + context);
            } else if (isReport) {
                checkReport(db, child.stdout(), context);
            }
        }
        long expected = pair.startsWith("ingest+ingest") || first ? 2L * lines : pair.startsWith("ingest+") ? lines : 0;
        long[] after = DbState.ingestRuns(db);
        if (after[2] != before[2] + expected || after[1] != after[2]) {
            throw new AssertionError(pair + ": events lost or doubled: (runs, accepted, events) " + Arrays.toString(before)
                    + " -> " + Arrays.toString(after) + ", expected +" + expected + " events; files: " + DbState.files(db));
        }
        boolean derives = pair.contains("infer") || pair.contains("report"); // a report infers first when the tables are stale
        if (derives) {
            String runs = DbState.inferRuns(db);
            if (!DbState.inferConsistent(runs)) {
                throw new AssertionError(pair + ": the derived tables do not match their infer run: " + runs);
            }
        }
        if (derives && Db.one(db, "SELECT (SELECT max_by(last_ingest_run_id, infer_id) FROM infer_runs)"
                + " = (SELECT max(run_id) FROM ingest_runs)").equals("true")) {
            // the infer ran after every ingest: what it left is what a clean infer gives now
            String raced = DbState.derived(db);
            Crashes.require(CliRun.withDb(db).run("infer"), "the clean infer after the pair");
            if (!raced.equals(DbState.derived(db))) {
                throw new AssertionError(pair + ": the derived tables are not what a clean infer gives:\n  " + raced
                        + "\n  " + DbState.derived(db));
            }
        }
        if (first) {
            checkFirst(dir, db, a, b, pair);
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        return busy;
    }

    /** A report that ran shows the numbers of one infer run (events, sessions, workflow runs), never a mix. */
    private static void checkReport(Path db, String json, String context) throws IOException {
        JsonNode r = new ObjectMapper().readTree(json);
        String shown = r.get("total_events").asText() + " | " + r.get("total_sessions").asText() + " | " + r.get("total_workflows").asText();
        List<String> runs = Db.rows(db, "SELECT events, sessions, workflow_runs FROM infer_runs");
        if (!runs.contains(shown)) {
            throw new AssertionError("the report showed " + shown + " (events | sessions | workflow runs), which no infer run"
                    + " computed " + runs + ": " + context);
        }
    }

    /** Both first ingests stored, under the one salt the winner created; the database is what a clean run gives. */
    private static void checkFirst(Path dir, Path db, Path a, Path b, String pair) throws IOException {
        Path twin = db.resolveSibling("twin-" + db.getFileName());
        String salt = Files.readString(Salt.fileFor(db), StandardCharsets.UTF_8).strip();
        Crashes.require(CliRun.withDb(twin).env("CLI_ANALYTICS_SALT", salt).run("ingest", a.toString(), b.toString()), "the clean run");
        // which of the two came first decides ingest_seq, so it is left out
        String raced = DbState.events(db, "ingest_seq");
        String clean = DbState.events(twin, "ingest_seq");
        if (!raced.equals(clean)) {
            throw new AssertionError(pair + ": the database holds " + raced + " (events, xor), a clean run " + clean);
        }
        List<String> files = DbState.files(db);
        if (!files.equals(List.of(db.getFileName().toString(), db.getFileName() + ".salt"))) {
            throw new AssertionError(pair + ": besides the database and its salt, there are " + files);
        }
        for (Path p : List.of(db, twin)) {
            for (String suffix : List.of("", ".wal", ".salt")) {
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
            }
        }
    }
}
