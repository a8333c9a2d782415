package dev.clianalytics.ingest.formats;

import static dev.clianalytics.ingest.formats.PostHogReaderTest.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real SDKs and CLIs send, read field by field (issue "Read what real SDKs and CLIs send"):
 * shapes written from PostHog's and Segment's public documentation, and request bodies their own
 * SDK tests recorded (src/test/resources/fixtures, NOTICE.md there). One test per point of the
 * issue that the readers decide; the accounting, --tool, export and URL points run through ingest
 * (dev.clianalytics.ingest.PayloadsIngestTest).
 */
class PayloadShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static RecordingSink segment(String... lines) {
        return RecordingSink.read(new SegmentReader(FormatConfig.defaults().segment()), lines);
    }

    static RecordingSink posthog(String... lines) {
        return RecordingSink.read(new PostHogReader(FormatConfig.defaults().posthog()), lines);
    }

    private FormatConfig settings(String yaml) throws IOException {
        return FormatConfigLoader.load(Files.writeString(dir.resolve("settings.yaml"), yaml));
    }

    /** The posthog-js, posthog-node and batch-export requests of the capture service's tests. */
    static List<JsonNode> postHogRequests() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = PayloadShapesTest.class.getResourceAsStream("/fixtures/posthog/requests.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    // 1. A field taken from the wrong place

    @Test
    void point1EnvelopeFieldsAreReadOnlyWhereTheFormatPutsThem() {
        // an analytics.js call as Segment stores it: "version": 2 is the API's version, not the tool's
        String call = j("{'type':'track','event':'Command Invoked','anonymousId':'anon-1','messageId':'ajs-1',"
                + "'channel':'client','version':2,'tool':'not-a-property','timestamp':'2026-06-04T10:00:00Z',"
                + "'context':{'app':{'name':'algolia','version':'1.6.0'},'library':{'name':'analytics.js','version':'2.11.1'}},"
                + "'properties':{'invocation_id':'i-1','command':'apps list'}}");
        String withoutApp = call.replace("\"app\":{\"name\":\"algolia\",\"version\":\"1.6.0\"},", "")
                .replace("i-1", "i-2").replace("ajs-1", "ajs-2");
        // a call without properties (analytics-go leaves an empty map out): nothing at its top level is a property
        String bare = j("{'type':'track','event':'CLI Auth Started','userId':'u-1','version':2,'flow':'login',"
                + "'timestamp':'2026-06-04T10:00:00Z'}");
        // a warehouse row has no envelope beside its columns: there, version is the property
        String row = j("{'event':'CLI Auth Started','user_id':'u-1','version':'1.4.0','flow':'login',"
                + "'timestamp':'2026-06-04T10:00:00Z'}");

        RecordingSink sink = segment(call, withoutApp, bare, row);

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.nativeEvents()).extracting(NativeEvent::toolName, NativeEvent::toolVersion, NativeEvent::commandPath)
                .containsExactly(tuple("algolia", "1.6.0", List.of("algolia", "apps", "list")),
                        tuple("cli", null, List.of("cli", "apps", "list")));
        assertThat(sink.flows).extracting(f -> f.event().toolVersion(), f -> f.event().properties())
                .containsExactly(tuple(null, Map.of()), tuple("1.4.0", Map.of("flow", "login")));

        // PostHog: a capture with properties never reads a property from its top level
        RecordingSink ph = posthog(j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2026-06-04T10:00:00Z',"
                + "'duration_ms':99,'cli_version':'9.9.9','library_version':'4.0.0','properties':{'command_name':'status'}}"));
        assertThat(ph.nativeEvents()).extracting(NativeEvent::durationMs, NativeEvent::toolVersion)
                .containsExactly(tuple(null, null));
    }

    // 2. Flags without dashes

    @Test
    void point2BareFlagNamesGetTheirDashesAndObjectsGiveTheirKeys() {
        RecordingSink sink = segment(
                invokedWithFlags("i-1", "['query','file','q','--output=json','index=prod','9lives']"),
                invokedWithFlags("i-2", "{'query':'secret search','file':'/home/ann/data.csv'}"));

        assertThat(sink.rejects).isEmpty();
        // the native rules then keep the names only and drop what is malformed (9lives), counted at ingest
        assertThat(sink.nativeEvents()).extracting(NativeEvent::flagsPresent).containsExactly(
                List.of("--query", "--file", "-q", "--output=json", "--index=prod", "9lives"),
                List.of("--query", "--file"));
        assertThat(posthog(j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2026-06-04T10:00:00Z',"
                + "'properties':{'command_name':'deploy','flags':['force','v']}}")).nativeEvents())
                .extracting(NativeEvent::flagsPresent).containsExactly(List.of("--force", "-v"));
    }

    private static String invokedWithFlags(String invocation, String flags) {
        return j("{'type':'track','event':'Command Invoked','userId':'u-1','messageId':'m-" + invocation + "',"
                + "'timestamp':'2026-06-04T10:00:00Z','context':{'app':{'name':'algolia'}},'properties':{'invocation_id':'"
                + invocation + "','command':'algolia search','flags':" + flags + "}}");
    }

    // 4. Shapes people have

    @Test
    void point4PostHogJsBodiesWithAnOffsetAndNoTimestampTakeTheirTimeFromTheReceivingOrSendingTime() throws Exception {
        // request 7 of the capture service's dump: posthog-js 1.78.5, two events with offset and $time, no timestamp
        JsonNode request = postHogRequests().get(1);
        assertThat(request.get("dump_line").asInt()).isEqualTo(7);
        ArrayNodeBody body = new ArrayNodeBody(request.get("body"));
        Instant now = Instant.parse(request.get("now").asText().replace("+00:00", "Z"));
        Instant sentAt = Instant.parse(request.get("sent_at").asText().replace("+00:00", "Z"));
        FormatConfig.PostHog config = settings("posthog:\n  success_events: [$autocapture, invite members button clicked]\n"
                + "  properties:\n    command: $lib\n").posthog();

        // the body alone, as posthog-js sends it: the client's clock at the event ($time, epoch seconds)
        RecordingSink alone = RecordingSink.read(new PostHogReader(config), body.line());
        // the body as a batch with the client's sent_at: sent_at − offset
        RecordingSink sent = RecordingSink.read(new PostHogReader(config),
                "{\"sent_at\":\"" + sentAt + "\",\"batch\":" + body.line() + "}");
        // each event as PostHog's pipeline holds it, with the receiving time: now − offset (clock skew corrected)
        RecordingSink received = RecordingSink.read(new PostHogReader(config), body.withEach("now", now, "sent_at", sentAt));

        for (RecordingSink sink : List.of(alone, sent, received)) {
            assertThat(sink.rejects).isEmpty();
            assertThat(sink.events).hasSize(2);
        }
        List<Instant> clientTimes = body.events().stream()
                .map(e -> Instant.ofEpochMilli(Math.round(e.get("properties").get("$time").asDouble() * 1000))).toList();
        List<Long> offsets = body.events().stream().map(e -> e.get("offset").asLong()).toList();
        assertThat(times(alone)).containsExactlyElementsOf(clientTimes);
        assertThat(times(sent)).containsExactly(sentAt.minusMillis(offsets.get(0)), sentAt.minusMillis(offsets.get(1)));
        assertThat(times(received)).containsExactly(now.minusMillis(offsets.get(0)), now.minusMillis(offsets.get(1)));
        // the three agree within the few milliseconds the request took
        for (int i = 0; i < 2; i++) {
            assertThat(Duration.between(times(alone).get(i), times(received).get(i)).abs()).isLessThan(Duration.ofMillis(20));
        }
    }

    @Test
    void point4ClockSkewIsCorrectedAsPostHogAndSegmentDoWhenTheLineCarriesBothTimes() throws Exception {
        // request 18: a posthog-node batch, timestamp per event and sent_at on the body, no receiving time
        JsonNode node = postHogRequests().get(2);
        assertThat(node.get("dump_line").asInt()).isEqualTo(18);
        FormatConfig.PostHog config = settings("posthog:\n  success_events: [this event, user signed up]\n"
                + "  properties:\n    command: $lib\n").posthog();
        ObjectNode body = (ObjectNode) node.get("body").deepCopy();
        RecordingSink asSent = RecordingSink.read(new PostHogReader(config), body.toString());
        assertThat(times(asSent)).containsExactly(Instant.parse("2024-04-17T14:40:56.900Z"), Instant.parse("2024-04-17T14:40:56.900Z"));
        // with the time the service received it (a client clock 1 hour behind): moved by now − sent_at
        body.put("sent_at", "2024-04-17T13:40:56.900Z");
        body.withArray("batch").forEach(e -> ((ObjectNode) e).put("now", "2024-04-17T14:40:57.000Z"));
        RecordingSink skewed = RecordingSink.read(new PostHogReader(config), body.toString());
        assertThat(times(skewed)).containsExactly(Instant.parse("2024-04-17T15:40:57Z"), Instant.parse("2024-04-17T15:40:57Z"));
        ((ObjectNode) body.withArray("batch").get(0).get("properties")).put("$ignore_sent_at", true);
        assertThat(times(RecordingSink.read(new PostHogReader(config), body.toString())).get(0))
                .isEqualTo(Instant.parse("2024-04-17T14:40:56.900Z"));

        // Segment: receivedAt − (sentAt − the client's timestamp); a call Segment processed keeps its timestamp
        String call = j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m1','timestamp':'2026-06-04T10:00:00Z',"
                + "'sentAt':'2026-06-04T10:00:05Z','receivedAt':'2026-06-04T12:00:06Z','properties':{'invocation_id':'i1','command':'x'}}");
        String processed = j("{'type':'track','event':'Command Invoked','userId':'u','messageId':'m2',"
                + "'originalTimestamp':'2026-06-04T10:00:00Z','timestamp':'2026-06-04T12:00:01Z','sentAt':'2026-06-04T10:00:05Z',"
                + "'receivedAt':'2026-06-04T12:00:06Z','properties':{'invocation_id':'i2','command':'x'}}");
        String body2 = j("{'batch':[{'type':'track','event':'Command Invoked','userId':'u','messageId':'m3',"
                + "'timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'j','command':'x'}}],"
                + "'sentAt':'2026-06-04T10:00:05Z'}");
        assertThat(segment(call, processed, body2).nativeEvents()).extracting(NativeEvent::timestamp)
                .containsExactly("2026-06-04T12:00:01Z", "2026-06-04T12:00:01Z", "2026-06-04T10:00:00Z");
    }

    @Test
    void point4WarehouseRowsNameTheirEventInEventTextAndItsSlugMatchesToo() {
        RecordingSink sink = segment(
                j("{'event':'command_invoked','event_text':'Command Invoked','anonymous_id':'a','message_id':'m1',"
                        + "'original_timestamp':'2026-06-04 10:00:00','context_app_name':'grout','invocation_id':'i1','command':'status'}"),
                j("{'event':'command_completed','anonymous_id':'a','message_id':'m2','original_timestamp':'2026-06-04 10:00:01',"
                        + "'invocation_id':'i1','exit_code':0,'duration_ms':900}"),
                j("{'event':'cli_auth_started','event_text':'CLI Auth Started','anonymous_id':'a','message_id':'m3',"
                        + "'original_timestamp':'2026-06-04 10:00:02','flow':'login'}"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.nativeEvents()).extracting(NativeEvent::commandPath, NativeEvent::exitCode, NativeEvent::durationMs)
                .containsExactly(tuple(List.of("grout", "status"), 0, 900L));
        assertThat(sink.flows).extracting(f -> f.event().eventName()).containsExactly("CLI Auth Started");
        assertThat(sink.merged).isEqualTo(1);
    }

    @Test
    void point4OneTrackCallPerCommandIsAMappingOfTheSettingsAndFlagValuesNeverReachThePath() throws Exception {
        FormatConfig.Segment config = settings("segment:\n  command_events: [Command Executed]\n").segment();
        RecordingSink sink = RecordingSink.read(new SegmentReader(config),
                j("{'type':'track','event':'Command Executed','userId':'u','messageId':'m1','timestamp':'2026-06-04T10:00:00Z',"
                        + "'context':{'app':{'name':'deployer','version':'2.0.0'}},'properties':{'command':'deployer deploy --env prod"
                        + " --token abc123 extra','exit_code':3,'duration_ms':1500,'error_class':'quota','is_ci':1}}"),
                j("{'type':'track','event':'Command Executed','userId':'u','messageId':'m2','timestamp':'2026-06-04T10:01:00Z',"
                        + "'context':{'app':{'name':'deployer'}},'properties':{'command':['deploy','--dry-run'],'succeeded':true,"
                        + "'flags':['verbose'],'is_ci':0}}"),
                j("{'type':'track','event':'Command Executed','userId':'u','messageId':'m3','timestamp':'2026-06-04T10:02:00Z',"
                        + "'properties':{'command':'status','is_ci':'true'}}"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.nativeEvents()).containsExactly(
                new NativeEvent("2026-06-04T10:00:00Z", "deployer", "2.0.0", List.of("deployer", "deploy"),
                        List.of("--env", "--token"), 3, 1500L, "quota", "u", "u", null, true, "m1", null),
                new NativeEvent("2026-06-04T10:01:00Z", "deployer", null, List.of("deployer", "deploy"),
                        List.of("--verbose"), 0, null, null, "u", "u", null, false, "m2", null),
                new NativeEvent("2026-06-04T10:02:00Z", "cli", null, List.of("cli", "status"),
                        null, null, null, null, "u", "u", null, true, "m3", null));
        assertThat(sink.records()).isEqualTo(sink.outcomes()).isEqualTo(3);

        // a name in two lists would be read two ways: the settings say so instead of choosing
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> settings("segment:\n  command_events: [Command Invoked]\n")))
                .hasMessageContaining("'Command Invoked' is in both invoked_events (by default) and command_events");
    }

    @Test
    void point4IsCiAsZeroOrOneAndOtherYesNoSpellingsAreReadOthersRejected() {
        RecordingSink sink = posthog(
                ciCapture("1"), ciCapture("0"), ciCapture("'TRUE'"), ciCapture("2"), ciCapture("'maybe'"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::ciDetected).containsExactly(true, false, true);
        assertThat(sink.rejects).containsExactly("4:wrong_type:is_ci", "5:wrong_type:is_ci");
    }

    private static String ciCapture(String value) {
        return j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2026-06-04T10:00:00Z',"
                + "'properties':{'command_name':'status','is_ci':" + value + "}}");
    }

    // 3. Every line accounted for, as the readers see it (ingest adds duplicates and conflicts)

    @Test
    void point3EveryRecordOfTheRecordedBodiesReachesTheSinkExactlyOnce() throws Exception {
        RecordingSink ph = new RecordingSink();
        PostHogReader reader = new PostHogReader(FormatConfig.defaults().posthog());
        long line = 0;
        for (JsonNode request : postHogRequests()) {
            reader.accept(request.get("body").toString(), ++line, ph);
        }
        reader.finish(ph);
        long records = 0;
        for (JsonNode request : postHogRequests()) {
            JsonNode body = request.get("body");
            records += body.isArray() ? body.size() : body.has("batch") ? body.get("batch").size() : 1;
        }
        assertThat(ph.records()).isEqualTo(records).isGreaterThan(4);
        assertThat(ph.outcomes()).isEqualTo(ph.records());

        // a link of an id to itself says nothing: ignored, and counted
        RecordingSink self = posthog(j("{'event':'$create_alias','distinct_id':'a','properties':{'alias':'a'}}"));
        RecordingSink selfSegment = segment(j("{'type':'alias','userId':'a','previousId':'a'}"));
        assertThat(self.links).isEmpty();
        assertThat(self.ignored).isEqualTo(Map.of("$create_alias", 1));
        assertThat(selfSegment.ignored).isEqualTo(Map.of("alias", 1));

        // a Segment invocation spread over lines and batches, an orphan, an empty batch: still one outcome each
        RecordingSink sg = segment(
                "{\"batch\":[" + SegmentReaderTest.invoked("i-1", "2026-06-04T10:00:00Z") + ","
                        + SegmentReaderTest.track("CLI Auth Started", "i-1", "2026-06-04T10:00:01Z", "") + "]}",
                SegmentReaderTest.track("Command Failed", "i-1", "2026-06-04T10:00:02Z", ",'error_class':'x'"),
                "{\"batch\":[" + SegmentReaderTest.track("Command Completed", "i-1", "2026-06-04T10:00:03Z", ",'exit_code':1") + ","
                        + SegmentReaderTest.track("Command Completed", "i-9", "2026-06-04T10:00:03Z", ",'exit_code':0") + ","
                        + SegmentReaderTest.track("Command Failed", "i-9", "2026-06-04T10:00:03Z", "") + "]}",
                "{\"batch\":[]}");
        assertThat(sg.records()).isEqualTo(2 + 1 + 3 + 1);
        assertThat(sg.events).hasSize(1);
        assertThat(sg.merged).isEqualTo(2 + 1);
        assertThat(sg.recordRejects).isEqualTo(1);
        assertThat(sg.ignored).isEqualTo(Map.of("empty batch", 1));
        assertThat(sg.outcomes()).isEqualTo(sg.records());
    }

    private static List<Instant> times(RecordingSink sink) {
        return sink.nativeEvents().stream().map(e -> Instant.parse(e.timestamp())).toList();
    }

    /** A posthog-js body: a JSON array of events. */
    private record ArrayNodeBody(JsonNode array) {
        String line() {
            return array.toString();
        }

        List<JsonNode> events() {
            List<JsonNode> out = new ArrayList<>();
            array.forEach(out::add);
            return out;
        }

        /** The body with fields added to each event (as PostHog's pipeline adds now and sent_at). */
        String withEach(String k1, Instant v1, String k2, Instant v2) {
            JsonNode copy = array.deepCopy();
            copy.forEach(e -> ((ObjectNode) e).put(k1, v1.toString()).put(k2, v2.toString()));
            return copy.toString();
        }
    }
}
