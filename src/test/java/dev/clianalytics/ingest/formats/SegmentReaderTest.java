package dev.clianalytics.ingest.formats;

import static dev.clianalytics.ingest.formats.PostHogReaderTest.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentReaderTest {
    static RecordingSink read(String... lines) {
        return RecordingSink.read(new SegmentReader(FormatConfig.defaults().segment()), lines);
    }

    static String track(String event, String inv, String time, String props) {
        return j("{'type':'track','event':'" + event + "','anonymousId':'anon-1','messageId':'m-" + event.replace(' ', '-')
                + "-" + inv + "','timestamp':'" + time + "','context':{'app':{'name':'grout','version':'0.9.0'},"
                + "'device':{'id':'dev-1'}},'properties':{'invocation_id':'" + inv + "'" + props + "}}");
    }

    static String invoked(String inv, String time) {
        return track("Command Invoked", inv, time,
                ",'command_path':['grout','app','create'],'flags':['--plan'],'version':'1.4.0','event_index':0");
    }

    @Test
    void newCatalogLifecycleMergesIntoOneCommandEvent() {
        RecordingSink sink = read(
                invoked("i-1", "2026-06-04T10:00:00.000Z"),
                track("CLI Auth Started", "i-1", "2026-06-04T10:00:00.001Z", ",'flow':'login','event_index':1"),
                track("Command Failed", "i-1", "2026-06-04T10:00:01.500Z",
                        ",'error_class':'auth_expired','error_source':'dashboard','http_status':401,'event_index':2"),
                track("Command Completed", "i-1", "2026-06-04T10:00:01.501Z",
                        ",'duration_ms':1501,'succeeded':false,'exit_code':2,'event_index':3"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).line()).isEqualTo(1);
        assertThat(sink.events.get(0).event()).isEqualTo(new NativeEvent(
                "2026-06-04T10:00:00Z", "grout", "1.4.0", List.of("grout", "app", "create"), List.of("--plan"),
                2, 1501L, "auth_expired", "anon-1", "dev-1", null, null, "m-Command-Invoked-i-1", null, "dashboard", "401"));
        assertThat(sink.flows).hasSize(1);
        assertThat(sink.flows.get(0).event().eventName()).isEqualTo("CLI Auth Started");
        assertThat(sink.flows.get(0).event().properties()).isEqualTo(Map.of("flow", "login", "event_index", 1L));
    }

    @Test
    void oldCatalogWithoutCommandFailedTakesTheExitCodeFromCompleted() {
        RecordingSink sink = read(
                invoked("i-1", "2026-05-01T10:00:00Z"),
                track("Command Completed", "i-1", "2026-05-01T10:00:02Z", ",'duration_ms':2000,'succeeded':false,'exit_code':1"),
                invoked("i-2", "2026-05-01T10:01:00Z"),
                track("Command Completed", "i-2", "2026-05-01T10:01:01Z", ",'duration_ms':900,'succeeded':true"),
                invoked("i-3", "2026-05-01T10:02:00Z"),
                track("Command Completed", "i-3", "2026-05-01T10:02:01Z", ",'succeeded':false"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).extracting(e -> e.line(), e -> e.event().exitCode(), e -> e.event().durationMs(),
                        e -> e.event().errorType())
                .containsExactlyInAnyOrder(tuple(1L, 1, 2000L, null), tuple(3L, 0, 900L, null), tuple(5L, 1, null, null));
    }

    @Test
    void completedBeforeInvokedInTheFileStillMerges() {
        RecordingSink sink = read(
                track("Command Completed", "i-9", "2026-06-04T10:00:03Z", ",'duration_ms':3000,'succeeded':true,'exit_code':0"),
                track("Command Failed", "i-8", "2026-06-04T09:00:01Z", ",'error_class':'network'"),
                invoked("i-9", "2026-06-04T10:00:00Z"),
                invoked("i-8", "2026-06-04T09:00:00Z"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).extracting(e -> e.line(), e -> e.event().timestamp(), e -> e.event().exitCode(),
                        e -> e.event().durationMs(), e -> e.event().errorType())
                .containsExactly(
                        tuple(3L, "2026-06-04T10:00:00Z", 0, 3000L, null),
                        tuple(4L, "2026-06-04T09:00:00Z", 1, null, "network"));
    }

    @Test
    void invokedWithoutCompletedBecomesAnEventWithUnknownExitCodeAtTheEnd() {
        RecordingSink sink = read(invoked("i-1", "2026-06-04T10:00:00Z"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::exitCode, NativeEvent::durationMs, NativeEvent::commandPath)
                .containsExactly(tuple(null, null, List.of("grout", "app", "create")));
    }

    @Test
    void completedWithoutInvokedIsRejectedOnItsLine() {
        RecordingSink sink = read(
                invoked("i-1", "2026-06-04T10:00:00Z"),
                track("Command Completed", "i-404", "2026-06-04T10:00:03Z", ",'succeeded':true"));

        assertThat(sink.rejects).containsExactly("2:missing_field:command_invoked");
        assertThat(sink.events).hasSize(1);
    }

    @Test
    void commandAsAStringIsSplitOnSpacesOrDotsAndTheToolComesFromPropertiesFirst() {
        RecordingSink sink = read(
                j("{'type':'track','event':'Command Invoked','userId':'u-1','anonymousId':'anon-1','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'invocation_id':'i','command':'plan upgrade','tool':'grout','sequence':4,"
                        + "'session_hint':'run-7','ci':true}}"),
                j("{'type':'track','event':'Command Invoked','anonymousId':'anon-2','timestamp':'2026-06-04T10:00:00Z',"
                        + "'properties':{'invocation_id':'k','command':'grout.auth.login'}}"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::toolName, NativeEvent::commandPath, NativeEvent::actorId,
                        NativeEvent::machineId, NativeEvent::sequence, NativeEvent::sessionHint, NativeEvent::ciDetected)
                .containsExactly(
                        tuple("grout", List.of("grout", "plan", "upgrade"), "u-1", "anon-1", 4L, "run-7", true),
                        tuple("cli", List.of("cli", "grout", "auth", "login"), "anon-2", "anon-2", null, null, null));
    }

    @Test
    void flowPropertiesKeepOnlyEnumLikeValues() {
        RecordingSink sink = read(j("{'type':'track','event':'CLI Application Create Completed','userId':'u-1',"
                + "'timestamp':'2026-06-04T10:00:00Z','properties':{'triggered_from':'auth_flow','to_plan':'pro',"
                + "'http_status':201,'interactive':false,'ratio':0.5,'version':'1.4.0','invocation_id':'i-1',"
                + "'contact':'ann@example.com','note':'free text with spaces','app_slug':'ghp_abcdefghijklmnopqrstuvwxyz0123456789',"
                + "'workspace':'/home/ann/work','endpoint':'10.0.0.1','ref':'Zx9kQ2mP8vL4nR7tY1wB3cD5','user_email':'x',"
                + "'api_key':'k','application_id':'a1','nested':{'flow':'login'},'list':['a'],'empty':null,"
                + "'account':12345678901234,'region':'asia-east1','jwt':'eyJhbGciOiJIUzI1NiJ9.e30.abc'}}"));

        assertThat(sink.flows).hasSize(1);
        FlowEvent f = sink.flows.get(0).event();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("triggered_from", "auth_flow");
        expected.put("to_plan", "pro");
        expected.put("http_status", 201L);
        expected.put("interactive", false);
        expected.put("ratio", 0.5);
        expected.put("region", "asia-east1");
        assertThat(f.properties()).containsExactlyEntriesOf(expected);
        assertThat(f.toolVersion()).isEqualTo("1.4.0");
        assertThat(f.properties().toString()).doesNotContain("@", "ghp_", "/home", "Zx9k", "eyJ");
    }

    @Test
    void aliasAndIdentifyLinkIdsAndPageScreenGroupAreIgnored() {
        RecordingSink sink = read(
                j("{'type':'alias','previousId':'anon-1','userId':'user-1','timestamp':'2026-06-04T10:00:00Z'}"),
                j("{'type':'identify','userId':'user-2','anonymousId':'anon-2','traits':{'email':'a@b.c'}}"),
                j("{'type':'identify','userId':'user-3'}"),
                j("{'type':'page','name':'A','userId':'B'}"),
                j("{'type':'screen','name':'A','userId':'B'}"),
                j("{'type':'group','groupId':'A','userId':'B'}"));

        assertThat(sink.links).containsExactly(List.of("user-1", "anon-1"), List.of("user-2", "anon-2"));
        assertThat(sink.ignored).containsExactly(Map.entry("identify", 1), Map.entry("page", 1),
                Map.entry("screen", 1), Map.entry("group", 1));
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void loginDuringAnInvocationKeepsTheActorOfInvokedAndLinksTheIds() {
        RecordingSink sink = read(
                invoked("i-1", "2026-06-04T10:00:00Z"),
                j("{'type':'alias','previousId':'anon-1','userId':'user-1'}"),
                j("{'type':'track','event':'Command Completed','userId':'user-1','anonymousId':'anon-1',"
                        + "'timestamp':'2026-06-04T10:00:05Z','properties':{'invocation_id':'i-1','succeeded':true}}"),
                j("{'type':'track','event':'Command Invoked','anonymousId':'anon-rotated','timestamp':'2026-06-04T11:00:00Z',"
                        + "'properties':{'invocation_id':'i-2','command':'whoami'}}"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::actorId, NativeEvent::exitCode)
                .containsExactly(tuple("anon-1", 0), tuple("anon-rotated", null));
        assertThat(sink.linkPairs()).containsExactly("anon-1=user-1");
    }

    @Test
    void batchBodiesAndWarehouseExportRowsAreRead() {
        RecordingSink sink = read(
                "{\"batch\":[" + invoked("i-1", "2026-06-04T10:00:00Z") + ","
                        + track("Command Completed", "i-1", "2026-06-04T10:00:01Z", ",'succeeded':true,'duration_ms':5")
                        + "],\"context\":{\"library\":{\"name\":\"analytics-go\"}},\"messageId\":\"b\"}",
                j("{'event':'Command Invoked','anonymous_id':'anon-5','message_id':'mm','original_timestamp':'2026-06-04 10:00:00',"
                        + "'context_app_name':'grout','context_device_id':'dev-5','invocation_id':'i-5','command':'status','event_index':0}"),
                j("{'event':'CLI Auth Completed','user_id':'u-5','timestamp':'2026-06-04T10:00:00Z','received_at':'2026-06-04T10:00:09Z',"
                        + "'flow':'signup','context_app_version':'1.0.0'}"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.nativeEvents()).extracting(NativeEvent::eventId, NativeEvent::toolName, NativeEvent::commandPath,
                        NativeEvent::machineId, NativeEvent::exitCode, NativeEvent::timestamp)
                .containsExactly(
                        tuple("m-Command-Invoked-i-1", "grout", List.of("grout", "app", "create"), "dev-1", 0, "2026-06-04T10:00:00Z"),
                        tuple("mm", "grout", List.of("grout", "status"), "dev-5", null, "2026-06-04T10:00:00Z"));
        assertThat(sink.flows).extracting(f -> f.event().actorId(), f -> f.event().toolVersion(), f -> f.event().properties())
                .containsExactly(tuple("u-5", "1.0.0", Map.of("flow", "signup")));
    }

    @Test
    void unmappableLinesAreRejectedWithTheirReason() {
        RecordingSink sink = read(
                "[1,2",
                j("{'type':'track','event':'Command Invoked','anonymousId':'a','timestamp':'2026-06-04T10:00:00Z','properties':{'command':'x'}}"),
                j("{'type':'track','event':'Command Invoked','timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'i','command':'x'}}"),
                j("{'type':'track','event':'Command Invoked','anonymousId':'a','timestamp':'2026-13-04T10:00:00Z','properties':{'invocation_id':'i','command':'x'}}"),
                j("{'type':'track','event':'Command Invoked','anonymousId':'a','timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'i'}}"),
                j("{'type':'track','event':'Command Invoked','anonymousId':'a','timestamp':'2026-06-04T10:00:00Z','properties':{'invocation_id':'i','command_path':[]}}"),
                j("{'type':'track','event':'Command Completed','anonymousId':'a','properties':{'invocation_id':'i','exit_code':1.5}}"),
                j("{'type':'track','event':'Flow','anonymousId':'a'}"),
                j("{'type':'alias','userId':'u'}"),
                j("{'properties':{}}"),
                j("{'type':'track','anonymousId':'a'}"));

        assertThat(sink.rejects).containsExactly(
                "1:invalid_json",
                "2:missing_field:invocation_id",
                "3:missing_field:userId",
                "4:bad_timestamp",
                "5:missing_field:command_path",
                "6:empty_command_path",
                "7:wrong_type:exit_code",
                "8:missing_field:timestamp",
                "9:missing_field:previousId",
                "10:missing_field:type",
                "11:missing_field:event");
        assertThat(sink.events).isEmpty();
    }

    @Test
    void ignoredTrackEventsComeFromTheSettings() {
        FormatConfig.Segment d = FormatConfig.defaults().segment();
        FormatConfig.Segment custom = new FormatConfig.Segment(d.defaultTool(), d.invokedEvents(), d.completedEvents(),
                d.failedEvents(), d.commandEvents(), java.util.Set.of("Download"), d.properties());
        RecordingSink sink = RecordingSink.read(new SegmentReader(custom),
                j("{'type':'track','event':'Download','userId':'u','timestamp':'2026-06-04T10:00:00Z'}"));

        assertThat(sink.flows).isEmpty();
        assertThat(sink.ignored).isEqualTo(Map.of("Download", 1));
    }

    @Test
    void anInvocationStillOpenFarBehindTheCurrentLineIsClosedSoMemoryStaysBounded() {
        RecordingSink sink = RecordingSink.read(new SegmentReader(FormatConfig.defaults().segment(), 2),
                invoked("i-1", "2026-06-04T10:00:00Z"),
                j("{'type':'page','userId':'B'}"),
                j("{'type':'page','userId':'B'}"),
                track("Command Completed", "i-1", "2026-06-04T10:00:03Z", ",'succeeded':true"));

        assertThat(sink.events).extracting(e -> e.line(), e -> e.event().exitCode()).containsExactly(tuple(1L, null));
        assertThat(sink.rejects).containsExactly("4:missing_field:command_invoked");
    }

    @Test
    void aMergedEventWritesAsANativeLine() {
        RecordingSink sink = read(invoked("i-1", "2026-06-04T10:00:00+02:00"),
                track("Command Completed", "i-1", "2026-06-04T10:00:01Z", ",'succeeded':true,'duration_ms':12"));

        assertThat(NativeJson.line(sink.nativeEvents().get(0))).isEqualTo(j("{'timestamp':'2026-06-04T08:00:00Z',"
                + "'tool_name':'grout','tool_version':'1.4.0','command_path':['grout','app','create'],'flags_present':['--plan'],"
                + "'exit_code':0,'duration_ms':12,'actor_id':'anon-1','machine_id':'dev-1','event_id':'m-Command-Invoked-i-1'}"));
    }

    @Test
    void sequenceComesFromTheProducersSequenceNotFromThePerInvocationEventIndex() {
        RecordingSink sink = read(track("Command Invoked", "i-1", "2026-06-04T10:00:00Z",
                ",'command':'status','event_index':0,'sequence':17"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::sequence).containsExactly(17L);
    }

    @Test
    void trailingGarbageAndImpossibleTimestampsAreRejected() {
        String ok = invoked("i-1", "2026-06-04T10:00:00Z");
        RecordingSink sink = read(ok + "}", ok + " garbage",
                invoked("i-2", "2026-02-30T10:15:00Z"), invoked("i-3", "yesterday at noon"),
                invoked("i-4", "03/02/2026 10:15"), invoked("i-5", "2026-03-02T25:61:00Z"));

        assertThat(sink.rejects).containsExactly("1:invalid_json", "2:invalid_json", "3:bad_timestamp",
                "4:bad_timestamp", "5:bad_timestamp", "6:bad_timestamp");
        assertThat(sink.events).isEmpty();
    }
}
