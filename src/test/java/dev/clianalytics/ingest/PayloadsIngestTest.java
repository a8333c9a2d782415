package dev.clianalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import dev.clianalytics.support.Db;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SDK payloads through the real ingest command (issue "Read what real SDKs and CLIs send"), one
 * test per point that ingest decides: every line accounted for (3), which CLI it is (5), flow events
 * and links exported (6); and the fields and shapes of points 1, 2 and 4 as stored. The request
 * bodies are those recorded by PostHog's and Segment's own SDK tests (src/test/resources/fixtures,
 * NOTICE.md there; the whole PostHog dump from ../shared/fixtures when it is there).
 */
class PayloadsIngestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("(?m)^(?:ingested |  )(.+?): ([\\d,]+) records? in ([\\d,]+) lines?: (.+?)(?: in [\\d.]+ s .*)?$");

    @TempDir
    Path dir;

    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    // 3. Every line accounted for

    @Test
    void point3EveryRecordOfEveryFixtureFileIsAccountedForInIngestFilesAndTheSummary() throws Exception {
        Map<Path, Long> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> body : segmentBodies().entrySet()) {
            Path file = Lines.write(dir.resolve(body.getKey() + "l"), List.of(body.getValue()));
            files.put(file, records(List.of(body.getValue())));
        }
        List<String> bodies = new ArrayList<>();
        for (JsonNode request : postHogRequests()) {
            bodies.add(request.get("body").toString());
        }
        files.put(Lines.write(dir.resolve("posthog-requests.jsonl"), bodies), records(bodies));
        // with native lines, a batch line, an orphan lifecycle call, an invalid and a blank line beside them
        List<String> mixed = List.of(Lines.event("\"event_id\":\"n1\""), bodies.get(1), "{not json", "",
                j("{'type':'track','event':'Command Completed','userId':'u','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'invocation_id':'gone','exit_code':0}}"), Lines.event("\"event_id\":\"n1\""));
        files.put(Lines.write(dir.resolve("mixed.jsonl"), mixed), records(mixed));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run(Stream.concat(Stream.of("ingest"), files.keySet().stream().map(Path::toString))
                .toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the Go client's fixtures reuse the messageId "I'm unique": three Download calls repeat the first
        // (duplicates), four differ from it (another version or time: conflicts); the native line n1 repeats
        assertThat(Db.rows(db, "SELECT sum(records), sum(duplicates), sum(conflicts) FROM ingest_files"))
                .containsExactly(total(files) + " | 4 | 4");
        assertEveryFileAddsUp(db, r, files);

        // again: nothing is new, every record is a duplicate, ignored or rejected, and still accounted for
        Result again = CliRun.withDb(db).run(Stream.concat(Stream.of("ingest"), files.keySet().stream().map(Path::toString))
                .toArray(String[]::new));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Db.rows(db, "SELECT accepted, flow_events, links FROM ingest_runs WHERE run_id = 2")).containsExactly("0 | 0 | 0");
        assertThat(Db.rows(db, "SELECT count(*) FROM ingest_files WHERE run_id = 2 AND records <> duplicates + conflicts"
                + " + ignored + rejected + merged")).containsExactly("0");
    }

    @Test
    void point3TheWholePostHogCaptureDumpIsAccountedFor() throws Exception {
        String shared = System.getProperty("shared.dir");
        Path dump = shared == null ? null : Path.of(shared, "fixtures", "posthog", "requests_dump.jsonl");
        assumeTrue(dump != null && Files.isRegularFile(dump), "shared fixtures not found: skipped");
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("{")) {
                bodies.add(decodeBody(JSON.readTree(line).get("body").asText()));
            }
        }
        Path file = Lines.write(dir.resolve("dump.jsonl"), bodies);
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(": 88 records in 16 lines: 0 events stored, 0 flow events, 1 identity link, 87 ignored,"
                + " 0 duplicates, 0 rejected in ")
                .contains("no command event among them: the command events read are CLI execution failed, CLI execution"
                        + " succeeded (PostHog) and Command Invoked (Segment)");
        assertEveryFileAddsUp(db, r, Map.of(file, 88L));
    }

    @Test
    void point3RepeatedFlowEventIdsAreCountedAsDuplicatesOrConflictsAndListedInRejects() throws Exception {
        String head = "{'type':'track','event':'CLI Auth Started','userId':'u','messageId':'same','timestamp':'2026-06-04T10:00:00Z',";
        Path file = Lines.write(dir.resolve("flows.jsonl"), List.of(
                j(head + "'properties':{'flow':'login'}}"),
                j(head + "'properties':{'flow':'login'}}"),
                j(head + "'properties':{'flow':'signup'}}")));
        Path db = dir.resolve("db.duckdb");
        Path rejects = dir.resolve("rejects.jsonl");

        Result r = CliRun.withDb(db).run("ingest", file.toString(), "--rejects", rejects.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(": 3 records in 3 lines: 0 events stored, 1 flow event, 0 identity links, 0 ignored,"
                + " 1 duplicate, 1 conflict, 0 rejected in ");
        assertThat(Files.readString(rejects)).contains("\"line\":3,\"reason\":\"conflicting_event_id\"");
        assertThat(Db.one(db, "SELECT duplicates || ' ' || conflicts || ' ' || flow_events FROM ingest_files")).isEqualTo("1 1 1");
    }

    private static void assertEveryFileAddsUp(Path db, Result r, Map<Path, Long> files) {
        List<String> rows = Db.rows(db, "SELECT file_name, records, accepted + merged + flow_events + links + ignored"
                + " + duplicates + conflicts + rejected FROM ingest_files WHERE run_id = 1 ORDER BY file_index");
        List<String> expected = new ArrayList<>();
        for (Map.Entry<Path, Long> f : files.entrySet()) {
            expected.add(f.getKey().getFileName() + " | " + f.getValue() + " | " + f.getValue());
        }
        assertThat(rows).containsExactlyElementsOf(expected);
        Matcher m = ACCOUNT.matcher(r.err());
        int lines = 0;
        while (m.find()) {
            long sum = 0;
            for (String part : m.group(4).split(", ")) {
                sum += Long.parseLong(part.substring(0, part.indexOf(' ')).replace(",", ""));
            }
            assertThat(sum).as(m.group()).isEqualTo(Long.parseLong(m.group(2).replace(",", "")));
            lines++;
        }
        assertThat(lines).as(r.err()).isEqualTo(files.size() == 1 ? 1 : files.size() + 1);
    }

    /** The records of lines, counted as docs/formats.md defines them, independently of the product. */
    private static long records(List<String> lines) {
        long n = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                n++;
                continue;
            }
            JsonNode events = node.isArray() ? node : node.has("batch") ? node.get("batch") : null;
            n += events == null ? 1 : Math.max(1, events.size());
        }
        return n;
    }

    private static long total(Map<Path, Long> files) {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    // 5. Which CLI is it

    @Test
    void point5ToolNamesTheToolOfEventsThatDoNotSayItAfterTheirOwnNamesBeforeTheDefault() throws Exception {
        Path file = Lines.write(dir.resolve("algolia.jsonl"), List.of(
                j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m1','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'invocation_id':'i1','command':'algolia apps list','flags':['query']}}"),
                j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m2','timestamp':'2026-06-04T10:01:00Z',"
                        + "'context':{'app':{'name':'grout'}},'properties':{'invocation_id':'i2','command':'login'}}"),
                j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m3','timestamp':'2026-06-04T10:02:00Z',"
                        + "'properties':{'invocation_id':'i3','command':'status','tool':'arcade'}}")));
        Path settings = Files.writeString(dir.resolve("s.yaml"), "segment:\n  default_tool: acme\n");

        Path plain = dir.resolve("plain.duckdb");
        Result without = CliRun.withDb(plain).run("ingest", file.toString());
        assertThat(without.err()).contains("1 event named no tool and was given the tool 'cli'; name it with --tool NAME\n");
        assertThat(Db.rows(plain, "SELECT command_path FROM events ORDER BY ts")).first().isEqualTo("[cli, algolia, apps, list]");

        Path named = dir.resolve("named.duckdb");
        Result with = CliRun.withDb(named).run("ingest", file.toString(), "--tool", "algolia", "--workflows", settings.toString());
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.err()).doesNotContain("--tool");
        assertThat(Db.rows(named, "SELECT tool_name, command_path, flags_present FROM events ORDER BY ts")).containsExactly(
                "algolia | [algolia, apps, list] | [--query]", "grout | [grout, login] | []", "arcade | [arcade, status] | []");

        Path settled = dir.resolve("settled.duckdb");
        CliRun.withDb(settled).run("ingest", file.toString(), "--workflows", settings.toString());
        assertThat(Db.rows(settled, "SELECT tool_name FROM events ORDER BY ts")).first().isEqualTo("acme");

        Result bad = CliRun.withDb(dir.resolve("bad.duckdb")).run("ingest", file.toString(), "--tool", "my tool");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--tool must be a tool name (1 to 128 letters, digits, - or _), not 'my tool'");
        assertThat(dir.resolve("bad.duckdb")).doesNotExist();
    }

    // 6. Flow events and links are data too

    @Test
    void point6FlowEventsIdentityLinksAndSignInsAreExportedHashedAsStored() throws Exception {
        Path file = Lines.write(dir.resolve("sg.jsonl"), List.of(
                j("{'type':'track','event':'CLI Auth Started','anonymousId':'anon-raw-7','timestamp':'2026-06-04T10:00:00Z',"
                        + "'context':{'app':{'name':'grout','version':'1.0.0'}},'properties':{'flow':'login'}}"),
                j("{'type':'alias','userId':'user-raw-7','previousId':'anon-raw-7','timestamp':'2026-06-04T10:00:05Z'}")));
        Path db = dir.resolve("db.duckdb");
        Result ingest = CliRun.withDb(db).run("ingest", file.toString());
        assertThat(ingest.err()).contains(": 2 records in 2 lines: 0 events stored, 1 flow event, 1 identity link, 0 ignored,"
                + " 0 duplicates, 0 rejected in ");
        Path out = dir.resolve("out");

        Result r = CliRun.withDb(db).run("export", "flow_events", "actor_links", "sign_ins", "--to", out.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("flow_events.csv (1 rows)", "actor_links.csv (1 rows)", "sign_ins.csv (1 rows)");
        assertThat(Files.readString(out.resolve("flow_events.csv"))).contains("CLI Auth Started,grout,1.0.0")
                .contains("flow").doesNotContain("anon-raw-7");
        String links = Files.readString(out.resolve("actor_links.csv")) + Files.readString(out.resolve("sign_ins.csv"));
        assertThat(links).startsWith("actor_hash,linked_hash,run_id\n").contains("actor_hash,anon_hash,ts,run_id")
                .doesNotContain("raw-7").containsPattern("[0-9a-f]{16},[0-9a-f]{16},1");
    }

    @Test
    void point6TheSummaryShowsTheFlowEventsLinksAndIgnoredRecordsBesideTheEvents() throws Exception {
        Path file = Lines.write(dir.resolve("sg.jsonl"), List.of(
                j("{'type':'track','event':'CLI Auth Started','anonymousId':'anon-7','timestamp':'2026-06-04T10:00:00Z',"
                        + "'context':{'app':{'name':'grout','version':'1.0.0'}},'properties':{'flow':'login'}}"),
                j("{'type':'page','name':'Docs','anonymousId':'anon-7','timestamp':'2026-06-04T10:00:02Z'}"),
                j("{'type':'alias','userId':'user-7','previousId':'anon-7','timestamp':'2026-06-04T10:00:05Z'}")));
        Path db = dir.resolve("db.duckdb");
        assertThat(CliRun.withDb(db).run("ingest", file.toString()).err())
                .contains("0 events stored, 1 flow event, 1 identity link, 1 ignored,");

        Result r = CliRun.withDb(db).run("report", "summary", "--format", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"rejected_lines\": 0,\n  \"ignored_records\": 1,\n  \"flow_events\": 1,\n"
                + "  \"identity_links\": 1,\n");
    }

    // 7. URLs in error texts

    @Test
    void point7EveryUrlInAnErrorTextIsReplacedWhateverTheFormatItCameIn() throws Exception {
        String error = "clone https://git.example.com/acme/secret-repo failed; fetch git@github.com:acme/secret-repo.git:"
                + " denied; no module github.com/acme/secret-repo/pkg; lookup registry.example.com: no such host";
        Path file = Lines.write(dir.resolve("mixed.jsonl"), List.of(
                Lines.event("\"error_type\":\"" + error + "\""),
                j("{'event':'CLI execution failed','distinct_id':'a','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'command_name':'clone','error_message':'" + error + "'}}"),
                j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m1','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'invocation_id':'i1','command':'clone'}}"),
                j("{'type':'track','event':'Command Failed','userId':'u','messageId':'m2','timestamp':'2026-06-04T10:00:01Z',"
                        + "'properties':{'invocation_id':'i1','error_class':'" + error + "'}}")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Db.rows(db, "SELECT DISTINCT error_type FROM events")).containsExactly("clone <url> failed; fetch <url>:"
                + " denied; no module <url>; lookup registry.example.com: no such host");
        assertThat(String.join("\n", Db.snapshot(db))).doesNotContain("secret-repo", "acme");
    }

    // 1, 2 and 4 as stored

    @Test
    void points124TheRightVersionBareFlagsAndCorrectedTimesAreStoredAndDroppedFlagsCounted() throws Exception {
        Path file = Lines.write(dir.resolve("sg.jsonl"), List.of(
                j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m1','version':2,'timestamp':'2026-06-04T10:00:00Z',"
                        + "'sentAt':'2026-06-04T10:00:01Z','receivedAt':'2026-06-04T10:30:01Z','context':{'app':{'name':'algolia',"
                        + "'version':'1.6.0'}},'properties':{'invocation_id':'i1','command':'apps list --query secret-app',"
                        + "'flags':['query','api-key','token','9lives','output=secretval'],'is_ci':1}}"),
                Lines.event("\"flags_present\":[\"notaflag\",\"--ok\"]")));
        Path db = dir.resolve("db.duckdb");

        Result r = CliRun.withDb(db).run("ingest", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("flag names not kept: 2 malformed, 2 naming a secret");
        assertThat(Db.rows(db, "SELECT ts, tool_version, command_path, flags_present, ci_detected FROM events WHERE tool_name = 'algolia'"))
                .containsExactly("2026-06-04T10:30Z | 1.6.0 | [algolia, apps, list] | [--query, --output] | true");
        assertThat(Db.one(db, "SELECT flags_dropped FROM ingest_runs")).isEqualTo("4");
        assertThat(String.join("\n", Db.snapshot(db))).doesNotContain("secret-app", "secretval");
    }

    /** The Segment Go client's request bodies, each as one line, by file name. */
    static Map<String, String> segmentBodies() throws IOException, URISyntaxException {
        Map<String, String> out = new LinkedHashMap<>();
        Path fixtures = Path.of(PayloadsIngestTest.class.getResource("/fixtures/segment").toURI());
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.sorted().toList()) {
                out.put(f.getFileName().toString(), JSON.readTree(f.toFile()).toString());
            }
        }
        return out;
    }

    static List<JsonNode> postHogRequests() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = PayloadsIngestTest.class.getResourceAsStream("/fixtures/posthog/requests.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** A capture body: base64, possibly gzip, possibly a form field {@code data=<base64 JSON>}; as one line. */
    private static String decodeBody(String base64) throws IOException {
        byte[] bytes = gunzipIfNeeded(Base64.getMimeDecoder().decode(base64));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("data=")) {
            String field = URLDecoder.decode(text.substring(5).split("&", 2)[0], StandardCharsets.UTF_8);
            text = new String(gunzipIfNeeded(Base64.getMimeDecoder().decode(field)), StandardCharsets.UTF_8);
        }
        return JSON.readTree(text).toString();
    }

    private static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }
}
