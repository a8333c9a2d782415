package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person's day (anonymous commands on a laptop, login, more commands; later the same on a
 * desktop) sent as native, PostHog and Segment events gives the same sessions, runs and outcomes:
 * a sign-in does not split a session, even from a CLI that sends no device id (PostHog, where the
 * machine of a signed-in event is the anonymous id that signed in; specification §5.1).
 */
class SignInSessionsTest {
    @TempDir
    Path dir;

    /** One command of the day: time, device's anonymous id, signed in yet, command, exit code. */
    private record Cmd(String time, String device, boolean signedIn, String command, int exit) {}

    private static final String PERSON = "user-42";
    private static final List<Cmd> DAY = List.of(
            new Cmd("09:00:00", "anon-laptop", false, "init", 0),
            new Cmd("09:01:00", "anon-laptop", false, "tools list", 0),
            new Cmd("09:02:00", "anon-laptop", true, "login", 0),
            new Cmd("09:03:00", "anon-laptop", true, "deploy", 1),
            new Cmd("09:05:00", "anon-laptop", true, "deploy", 0),
            new Cmd("14:00:00", "anon-desktop", false, "tools list", 0),
            new Cmd("14:01:00", "anon-desktop", true, "login", 0),
            new Cmd("14:02:00", "anon-desktop", true, "deploy", 0));

    private static String at(Cmd c) {
        return "2026-03-02T" + c.time() + "Z";
    }

    /** Native has no identity calls: its twin names the person and the device directly. */
    private static List<String> nativeDay() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Cmd c : DAY) {
            lines.add("{\"timestamp\":\"" + at(c) + "\",\"tool_name\":\"arcade\",\"command_path\":[\"arcade\",\""
                    + c.command().replace(" ", "\",\"") + "\"],\"exit_code\":" + c.exit() + ",\"duration_ms\":1000,"
                    + "\"actor_id\":\"" + PERSON + "\",\"machine_id\":\"" + c.device() + "\",\"sequence\":" + n++ + "}");
        }
        return lines;
    }

    /** PostHog as an arcade-style CLI sends it: no device id; distinct_id is the anonymous id until login. */
    private static List<String> postHogDay() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Cmd c : DAY) {
            if (c.command().equals("login")) {
                lines.add("{\"event\":\"$create_alias\",\"distinct_id\":\"" + PERSON + "\",\"timestamp\":\"" + at(c)
                        + "\",\"properties\":{\"alias\":\"" + c.device() + "\"}}");
            }
            lines.add("{\"event\":\"CLI execution " + (c.exit() == 0 ? "succeeded" : "failed") + "\",\"distinct_id\":\""
                    + (c.signedIn() ? PERSON : c.device()) + "\",\"timestamp\":\"" + at(c) + "\",\"uuid\":\"u-" + n
                    + "\",\"properties\":{\"command_name\":\"" + c.command().replace(' ', '.') + "\",\"tool_name\":\"arcade\","
                    + "\"exit_code\":" + c.exit() + ",\"duration_ms\":1000,\"sequence\":" + n++ + "}}");
        }
        return lines;
    }

    /** Segment as analytics-node sends it: anonymousId always, userId once signed in, an alias at login. */
    private static List<String> segmentDay() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Cmd c : DAY) {
            String ids = "\"anonymousId\":\"" + c.device() + "\"" + (c.signedIn() ? ",\"userId\":\"" + PERSON + "\"" : "");
            if (c.command().equals("login")) {
                lines.add("{\"type\":\"alias\",\"messageId\":\"a-" + n + "\",\"timestamp\":\"" + at(c) + "\",\"previousId\":\""
                        + c.device() + "\",\"userId\":\"" + PERSON + "\"}");
            }
            lines.add("{\"type\":\"track\",\"event\":\"Command Invoked\",\"messageId\":\"m-" + n + "\",\"timestamp\":\""
                    + at(c) + "\"," + ids + ",\"properties\":{\"invocation_id\":\"i-" + n + "\",\"tool\":\"arcade\","
                    + "\"command\":\"arcade " + c.command() + "\",\"sequence\":" + n + "}}");
            lines.add("{\"type\":\"track\",\"event\":\"Command Completed\",\"messageId\":\"c-" + n + "\",\"timestamp\":\""
                    + at(c) + "\"," + ids + ",\"properties\":{\"invocation_id\":\"i-" + n + "\",\"tool\":\"arcade\","
                    + "\"exit_code\":" + c.exit() + ",\"duration_ms\":1000}}");
            n++;
        }
        return lines;
    }

    private List<String> sessionsAndRuns(String name, List<String> lines) throws Exception {
        Path db = dir.resolve(name + ".duckdb");
        Path file = Files.write(dir.resolve(name + ".jsonl"), lines);
        Result ingest = CliRun.withDb(db).run("ingest", file.toString());
        Result infer = CliRun.withDb(db).run("infer");
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        assertThat(infer.exitCode()).as(infer.toString()).isZero();
        List<String> rows = new ArrayList<>(Db.rows(db, "SELECT 'session', started_at, ended_at, event_count,"
                + " workflow_run_count, split_reason FROM sessions ORDER BY started_at"));
        rows.addAll(Db.rows(db, "SELECT 'run', started_at, workflow_name, outcome, step_count, fingerprint"
                + " FROM workflow_runs ORDER BY started_at"));
        rows.add(Db.one(db, "SELECT 'actors ' || count(DISTINCT actor_hash) || ', machines ' || count(DISTINCT machine_hash)"
                + " FROM sessions"));
        return rows;
    }

    @Test
    void theSameDayInEveryFormatGivesOneSessionPerDeviceAndTheSameRuns() throws Exception {
        List<String> expected = sessionsAndRuns("native", nativeDay());
        assertThat(expected.stream().filter(r -> r.startsWith("session"))).hasSize(2);
        assertThat(expected).contains("session | 2026-03-02T09:00Z | 2026-03-02T09:05:01Z | 5 | 3 | first",
                "actors 1, machines 2");

        assertThat(sessionsAndRuns("posthog", postHogDay())).isEqualTo(expected);
        assertThat(sessionsAndRuns("segment", segmentDay())).isEqualTo(expected);
    }

    @Test
    void aSignInIsRecordedWithItsInstantAndOnlyOnce() throws Exception {
        Path db = dir.resolve("s.duckdb");
        Path file = Files.write(dir.resolve("day.jsonl"), postHogDay());
        CliRun.withDb(db).run("ingest", file.toString());
        CliRun.withDb(db).run("ingest", file.toString());
        assertThat(Db.rows(db, "SELECT ts, run_id FROM sign_ins ORDER BY ts"))
                .containsExactly("2026-03-02T09:02Z | 1", "2026-03-02T14:01Z | 1");
    }
}
