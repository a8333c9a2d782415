package dev.clianalytics.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.ingest.WordTakeBack;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import dev.clianalytics.support.Leaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 14: the words that earlier builds stored in clear and the rare-word rule holds back now are
 * taken back into tokens by the first ingest or infer, and the file is rewritten so that none survives
 * (docs/ingest.md, "Rare words held back", *Upgrade*).
 */
class WordTakeBackUpgradeTest {
    private static final String WORD = "customer-acme-prod-db";
    private static final String FLAG = "--customer-zebra";

    @TempDir
    Path dir;

    private static String event(String actor, int seq, String... path) {
        return "{\"timestamp\":\"2026-03-01T10:00:0" + seq + "Z\",\"tool_name\":\"psql\",\"command_path\":[\"psql\",\""
                + String.join("\",\"", path) + "\"],\"flags_present\":[\"" + (seq == 1 ? FLAG : "--verbose")
                + "\",\"--verbose\"],\"actor_id\":\"" + actor + "\",\"machine_id\":\"m-" + actor + "\",\"sequence\":" + seq
                + ",\"exit_code\":" + (seq == 1 ? 1 : 0) + ",\"duration_ms\":100}";
    }

    private CliRun cli(Path db) {
        return CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null);
    }

    private Result ok(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /**
     * A database as a build before schema 13 leaves it after the upgrade to 13: every word in clear,
     * recorded as revealed, the derived tables holding the words too. Made by this build with the rule
     * switched off, then set back to schema 13.
     */
    private Path oldDatabase(String name) throws Exception {
        Path db = dir.resolve(name);
        Path events = Files.write(dir.resolve("events-" + name + ".jsonl"), List.of(
                event("alice", 1, "deploy", WORD), event("alice", 2, "deploy", WORD), event("bob", 3, "deploy"),
                event("bob", 4, "status")), StandardCharsets.UTF_8);
        ok(cli(db).run("ingest", "--reveal-at", "1", events.toString()));
        ok(cli(db).run("infer"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("DELETE FROM schema_version WHERE version >= 14");   // a schema-13 database
            st.execute("DROP TABLE word_upgrade");
            st.execute("DROP TABLE version_counts");
            st.execute("UPDATE ingest_runs SET words_held_back = NULL, words_revealed = NULL");
            st.execute("INSERT INTO clear_words SELECT DISTINCT w FROM (SELECT unnest(command_path[2:]) AS w FROM events"
                    + " UNION ALL SELECT unnest(flags_present) FROM events) ON CONFLICT DO NOTHING");
            assertThat(Db.rows(st, "SELECT count(*) > 0 FROM workflow_step_rows")).containsExactly("true");
        }
        return db;
    }


    @Test
    void inferTakesTheWordsOfOneActorBackRewritesTheFileAndAnIngestRevealsThemLater() throws Exception {
        Path db = oldDatabase("old.duckdb");
        Result refused = cli(db).run("report", "summary");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("needs an upgrade to 15").contains("run any writing command (ingest, infer) on it first");

        Result infer = ok(cli(db).run("infer"));
        // deploy is a known word (a terminal command of the shipped workflows), --verbose has two actors
        assertThat(infer.err()).contains("upgrade: 3 command words and flag names stored by an earlier build, seen from"
                + " fewer than 2 actors, are now tokens in 3 events");
        assertThat(Db.rows(db, "SELECT sequence, command_path[2], regexp_matches(command_path[2], '^~[0-9a-f]{12}$'),"
                + " regexp_matches(command_path[3], '^~[0-9a-f]{12}$'), regexp_matches(flags_present[1], '^~[0-9a-f]{12}$')"
                + " FROM events ORDER BY sequence"))
                .containsExactly("1 | deploy | false | true | true", "2 | deploy | false | true | false",
                        "3 | deploy | false | null | false", "4 | " + Db.one(db, "SELECT command_path[2] FROM events WHERE sequence = 4")
                        + " | true | null | false");
        assertThat(Db.rows(db, "SELECT count(DISTINCT token), count(DISTINCT actor_hash), count(*) FROM held_words"))
                .containsExactly("3 | 2 | 3");
        assertThat(Db.rows(db, "SELECT word FROM clear_words ORDER BY word")).containsExactly("--verbose", "deploy");
        assertThat(Db.rows(db, "SELECT state, words_taken_back, events_changed FROM word_upgrade"))
                .containsExactly("done | 3 | 3");
        Result privacy = ok(cli(db).run("report", "privacy", "--format", "json"));
        assertThat(privacy.out()).contains("\"words_taken_back\": 3");
        Result hot = ok(cli(db).run("report", "hot-paths"));
        assertThat(hot.out()).contains("[rare]");
        Path out = dir.resolve("export-old");
        Result export = ok(cli(db).run("export", "--to", out.toString()));
        StringBuilder exported = new StringBuilder();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                exported.append(Files.readString(p));
            }
        }
        Leaks.assertNowhere(db, refused.err() + infer.out() + infer.err() + privacy.out() + hot.out() + export.err() + exported,
                WORD, FLAG);

        // the tokens are the ones ingest gives: a second actor reveals the word in every stored event
        Path carol = Files.write(dir.resolve("carol.jsonl"), List.of(event("carol", 1, "deploy", WORD)));
        ok(cli(db).run("ingest", carol.toString()));
        assertThat(Db.one(db, "SELECT count(*) FROM events WHERE command_path[3] = '" + WORD + "'")).isEqualTo("3");
        // carol's flag is alice's too; status keeps its one actor
        assertThat(Db.one(db, "SELECT count(*) FROM events WHERE flags_present[1] = '" + FLAG + "'")).isEqualTo("2");
        assertThat(Db.one(db, "SELECT count(*) FROM held_words")).isEqualTo("1");
    }

    @Test
    void ingestUpgradesWithItsOwnKAndKnownWordsAndTheDerivedTablesWaitForInfer() throws Exception {
        Path db = oldDatabase("k3.duckdb");
        Path commands = Files.writeString(dir.resolve("k3.commands"), "psql status\n");
        Path none = Files.writeString(dir.resolve("k3.empty.jsonl"), "");
        Result ingest = ok(cli(db).run("ingest", "--reveal-at", "3", "--commands", commands.toString(), none.toString()));
        // with k = 3 --verbose (two actors) goes back too; deploy is known, status a --commands word
        assertThat(ingest.err()).contains("upgrade: 3 command words and flag names");
        assertThat(Db.rows(db, "SELECT DISTINCT command_path[2] FROM events ORDER BY 1")).containsExactly("deploy", "status");
        assertThat(Db.one(db, "SELECT count(*) FROM events WHERE list_contains(flags_present, '--verbose')")).isEqualTo("0");
        assertThat(Db.one(db, "SELECT count(*) FROM workflow_step_rows")).isEqualTo("0");
        Result stale = cli(db).run("report", "summary", "--strict");
        assertThat(stale.exitCode()).as(stale.toString()).isNotZero();
        assertThat(stale.err()).contains("3 stored command words taken back by the upgrade");
        ok(cli(db).run("infer"));
        assertThat(ok(cli(db).run("report", "summary")).out()).contains("events");
        Leaks.assertNowhere(db, ingest.err(), WORD, FLAG, "--verbose");
    }

    @Test
    void aRunKilledBeforeTheRewriteLeavesItToTheNextWritingCommand() throws Exception {
        Path db = oldDatabase("killed.duckdb");
        try (Database open = Database.open(db, DbSettings.defaults())) {
            WordTakeBack.Result r = WordTakeBack.takeBack(open, new WordTakeBack.Rule(
                    CliRun.TEST_SALT.getBytes(StandardCharsets.UTF_8), 2, Set.of()), dev.clianalytics.infer.InferService.derivedTables());
            assertThat(r.wordsTakenBack()).isEqualTo(3);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            assertThat(Db.rows(st, "SELECT state FROM word_upgrade")).containsExactly("rewrite");
        }
        Result refused = cli(db).run("report", "privacy");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("are still to be put under the rare-word rule (schema 14): run any writing command");
        Result infer = ok(cli(db).run("infer"));
        assertThat(infer.err()).doesNotContain("upgrade:");
        assertThat(Db.one(db, "SELECT state FROM word_upgrade")).isEqualTo("done");
        Leaks.assertNowhere(db, infer.err(), WORD, FLAG);
    }

    @Test
    void aDatabaseOfThisBuildHasNothingToTakeBack() throws Exception {
        Path db = dir.resolve("new.duckdb");
        Path events = Files.write(dir.resolve("new.jsonl"), List.of(event("alice", 1, "deploy", WORD)));
        Result r = ok(cli(db).run("ingest", events.toString()));
        assertThat(r.err()).doesNotContain("upgrade");
        assertThat(Db.rows(db, "SELECT state, words_taken_back FROM word_upgrade")).containsExactly("done | 0");
        assertThat(ok(cli(db).run("report", "privacy", "--format", "json")).out()).contains("\"words_taken_back\": 0");
    }
}
