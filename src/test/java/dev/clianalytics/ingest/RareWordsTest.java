package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.Main;
import dev.clianalytics.support.ChildJvm;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import dev.clianalytics.support.Leaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rare command words and flag names are held back as tokens until their k-th actor (docs/ingest.md). */
class RareWordsTest {
    private static final String WORD = "customer-acme-prod-db";
    private static final String FLAG = "--customer-zebra";

    @TempDir
    Path dir;

    private static String event(String actor, int seq) {
        return "{\"timestamp\":\"2026-03-01T10:00:0" + seq + "Z\",\"tool_name\":\"psql\",\"command_path\":[\"psql\",\"deploy\",\""
                + WORD + "\"],\"flags_present\":[\"" + FLAG + "\",\"--verbose\"],\"actor_id\":\"" + actor
                + "\",\"machine_id\":\"m-" + actor + "\",\"sequence\":" + seq + "}";
    }

    private Result ingest(Path db, String name, List<String> lines, String... options) throws Exception {
        Path f = Lines.write(dir.resolve(name), lines);
        List<String> args = new ArrayList<>(List.of("ingest", f.toString()));
        args.addAll(List.of(options));
        Result r = CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null).run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }


    @Test
    void aWordFromOneActorIsATokenUntilASecondActorRevealsItInEveryStoredEvent() throws Exception {
        Path db = dir.resolve("rare.duckdb");
        Result first = ingest(db, "a.jsonl", List.of(event("alice", 1), event("alice", 2)));
        Result report = CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null).run("report", "privacy", "--format", "json");
        Path out = dir.resolve("export");
        Result export = CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null).run("export", "events", "--to", out.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        StringBuilder exported = new StringBuilder();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                exported.append(Files.readString(p));
            }
        }
        assertThat(exported).contains("deploy");
        Leaks.assertNowhere(db, first.out() + first.err() + report.out() + report.err() + export.out() + export.err() + exported,
                WORD, FLAG);
        assertThat(Db.rows(db, "SELECT DISTINCT regexp_matches(command_path[3], '^~[0-9a-f]{12}$'), command_path[2],"
                + " regexp_matches(flags_present[1], '^~[0-9a-f]{12}$'), flags_present[2] <> '--verbose' FROM events"))
                .containsExactly("true | deploy | true | true");
        assertThat(Db.rows(db, "SELECT words_held_back, words_revealed FROM ingest_runs")).containsExactly("3 | 0");

        ingest(db, "b.jsonl", List.of(event("bob", 3)));
        assertThat(Db.rows(db, "SELECT command_path[3], flags_present, count(*) FROM events GROUP BY ALL"))
                .containsExactly(WORD + " | [" + FLAG + ", --verbose] | 3");
        assertThat(Db.one(db, "SELECT count(*) FROM held_words")).isEqualTo("0");
        assertThat(Db.rows(db, "SELECT run_id, words_held_back, words_revealed FROM ingest_runs ORDER BY run_id"))
                .containsExactly("1 | 3 | 0", "2 | 0 | 3");
        // a file ingested again keeps its events (the revealed word is known now, the content the same)
        Result again = ingest(db, "a.jsonl", List.of(event("alice", 1), event("alice", 2)));
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("3");
        assertThat(again.err()).doesNotContain("conflict");
    }

    @Test
    void wordsOfTheWorkflowsAndFunnelsSettingsAreKnownFromTheFirstActor() throws Exception {
        Path given = Files.writeString(dir.resolve("wf.yaml"), "entry_commands: [" + WORD + "]\n");
        Path db = dir.resolve("given.duckdb");
        ingest(db, "a.jsonl", List.of(event("alice", 1)), "--workflows", given.toString());
        assertThat(Db.rows(db, "SELECT command_path[3], regexp_matches(flags_present[1], '^~[0-9a-f]{12}$') FROM events"))
                .containsExactly(WORD + " | true");

        Path beside = dir.resolve("beside.duckdb");
        Files.writeString(dir.resolve("cli-analytics.yaml"), "funnels:\n  - name: deploys\n    steps:\n"
                + "      - command: [psql, deploy, " + WORD + "]\n      - command: [psql, status]\n");
        ingest(beside, "b.jsonl", List.of(event("bob", 1)));
        assertThat(Db.rows(beside, "SELECT command_path[3] FROM events")).containsExactly(WORD);
    }

    @Test
    void withKThreeTheHeldPairsGrowRunByRunUntilTheThirdActor() throws Exception {
        Path db = dir.resolve("k3.duckdb");
        ingest(db, "a.jsonl", List.of(event("alice", 1), event("alice", 2)), "--reveal-at", "3");
        assertThat(Db.one(db, "SELECT count(*) FROM held_words")).isEqualTo("3"); // the word and two flags, alice
        ingest(db, "b.jsonl", List.of(event("bob", 3)), "--reveal-at", "3");
        assertThat(Db.rows(db, "SELECT count(DISTINCT token), count(DISTINCT actor_hash), count(*) FROM held_words"))
                .containsExactly("3 | 2 | 6");
        assertThat(Db.one(db, "SELECT count(*) FROM events WHERE command_path[3] = '" + WORD + "'")).isEqualTo("0");
        ingest(db, "c.jsonl", List.of(event("carol", 4)), "--reveal-at", "3");
        assertThat(Db.one(db, "SELECT count(*) FROM held_words")).isEqualTo("0");
        assertThat(Db.rows(db, "SELECT command_path[3], count(*) FROM events GROUP BY ALL")).containsExactly(WORD + " | 4");
        assertThat(Db.rows(db, "SELECT run_id, words_held_back, words_revealed FROM ingest_runs ORDER BY run_id"))
                .containsExactly("1 | 3 | 0", "2 | 3 | 0", "3 | 0 | 3");
    }

    @Test
    void aWordThatReachesKWithinOneRunIsStoredInClear() throws Exception {
        Path db = dir.resolve("one-run.duckdb");
        ingest(db, "ab.jsonl", List.of(event("alice", 1), event("bob", 2)));
        assertThat(Db.rows(db, "SELECT command_path[3], flags_present, count(*) FROM events GROUP BY ALL"))
                .containsExactly(WORD + " | [" + FLAG + ", --verbose] | 2");
        assertThat(Db.rows(db, "SELECT words_held_back, words_revealed FROM ingest_runs")).containsExactly("0 | 3");
        assertThat(Db.one(db, "SELECT count(*) FROM held_words")).isEqualTo("0");
    }

    @Test
    void aRunKilledMidIngestLeavesTheRareWordInNoFile() throws Exception {
        Path db = dir.resolve("killed.duckdb");
        ingest(db, "a.jsonl", List.of(event("alice", 1)));
        long size = Files.size(db);
        Path big = dir.resolve("big.jsonl");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 200_000; i++) {
                w.write(event("actor-" + i, 1).replace("\"sequence\":1", "\"sequence\":" + (10 + i)));
                w.write('\n');
            }
        }
        Process child = ChildJvm.start(Main.class, Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir,
                "--db", db.toString(), "ingest", big.toString());
        ChildJvm.waitUntilLocked(child, db, 60);
        Path wal = db.resolveSibling(db.getFileName() + ".wal");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Files.size(db) <= size && !Files.exists(wal)) {
            assertThat(child.isAlive()).as("the child ended before it stored anything").isTrue();
            assertThat(System.nanoTime()).as("the child never stored anything").isLessThan(deadline);
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(big);
        Leaks.assertNowhere(db, "", WORD, FLAG);
        assertThat(Db.one(db, "SELECT count(*) FROM events")).isEqualTo("1");
    }

    @Test
    void aRunKilledWhileSpoolingStandardInputLeavesNoRawWordInItsTemporaryDirectory() throws Exception {
        Path db = dir.resolve("stdin.duckdb");
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        ProcessBuilder pb = ChildJvm.builder(Main.class, List.of("-Djava.io.tmpdir=" + tmp),
                Map.of("CLI_ANALYTICS_SALT", CliRun.TEST_SALT), dir, "--db", db.toString(), "ingest", "-");
        pb.redirectError(dir.resolve("stdin-child.err").toFile());
        Process child = pb.start();
        try (java.io.OutputStream in = child.getOutputStream()) {
            byte[] line = (event("alice", 1) + "\r\n").getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (spooled(tmp) < 64 * 1024) { // stdin stays open: the spool is being written when the kill comes
                in.write(line);
                in.flush();
                assertThat(System.nanoTime()).as("the child never spooled its input").isLessThan(deadline);
            }
            child.destroyForcibly(); // SIGKILL: the spool is left behind
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (java.io.IOException closedByTheKill) {
            // the pipe broke as the child died: what it left is what is checked
        }
        List<Path> left;
        try (Stream<Path> files = Files.list(tmp)) {
            left = files.filter(Files::isRegularFile).toList();
        }
        assertThat(left).as("the spool SIGKILL left behind").isNotEmpty();
        for (Path f : left) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.getFileName().toString()).doesNotContain(WORD).doesNotContain(FLAG).doesNotContain("alice");
        }
    }

    private static long spooled(Path tmp) throws java.io.IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cli-analytics-stdin-"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void aCommandsFileMakesAOneActorWordClearAndRevealAtOneSwitchesTheRuleOff() throws Exception {
        Path commands = Lines.write(dir.resolve("commands.txt"), List.of("# psql's commands", "psql deploy " + WORD + " " + FLAG));
        Path db = dir.resolve("known.duckdb");
        ingest(db, "a.jsonl", List.of(event("alice", 1)), "--commands", commands.toString());
        assertThat(Db.rows(db, "SELECT command_path[3], flags_present[1] FROM events")).containsExactly(WORD + " | " + FLAG);

        Path off = dir.resolve("off.duckdb");
        ingest(off, "b.jsonl", List.of(event("alice", 1)), "--reveal-at", "1");
        assertThat(Db.rows(off, "SELECT command_path[3], flags_present[1] FROM events")).containsExactly(WORD + " | " + FLAG);
        assertThat(Db.one(off, "SELECT count(*) FROM held_words")).isEqualTo("0");
    }

    @Test
    void aBadCommandsFileIsRefusedNamingItsLine() throws Exception {
        Path commands = Lines.write(dir.resolve("commands.txt"), List.of("psql connect", "psql 'quoted'"));
        Path f = Lines.write(dir.resolve("a.jsonl"), List.of(event("alice", 1)));
        Result r = CliRun.withDb(dir.resolve("bad.duckdb")).env("CLI_ANALYTICS_REVEAL_AT", null).run("ingest", f.toString(), "--commands", commands.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--commands file " + commands + ":2: ''quoted'' is neither a command word");
    }
}
