package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostHogReaderTest {
    /** JSON written with single quotes, for readability. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static RecordingSink read(String... lines) {
        return RecordingSink.read(new PostHogReader(FormatConfig.defaults().posthog()), lines);
    }

    @Test
    void succeededCaptureMapsEveryField() {
        RecordingSink sink = read(j("{'uuid':'u-1','event':'CLI execution succeeded','distinct_id':'anon-1',"
                + "'timestamp':'2025-10-03T10:15:08.250+02:00','properties':{'command_name':'toolkit.list',"
                + "'tool_name':'arcade','cli_version':'1.2.3','duration_ms':1250,'machine_id':'m-1',"
                + "'flags':['--verbose','--token=abc'],'session_hint':'ci-42','ci':true,'sequence':3,"
                + "'os_type':'Darwin','python_version':'3.11.0'}}"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).line()).isEqualTo(1);
        assertThat(sink.events.get(0).event()).isEqualTo(new NativeEvent(
                "2025-10-03T08:15:08.250Z", "arcade", "1.2.3", List.of("arcade", "toolkit", "list"),
                List.of("--verbose", "--token=abc"), 0, 1250L, null, "anon-1", "m-1", "ci-42", true, "u-1", 3L));
    }

    @Test
    void failedCaptureOfTheSeedCliHasExitCodeOneRawErrorAndRoundedDuration() {
        RecordingSink sink = read(j("{'uuid':'u-2','event':'CLI execution failed','distinct_id':'anon-1',"
                + "'timestamp':'2025-10-03T10:15:08Z','properties':{'command_name':'deploy',"
                + "'cli_version':'1.2.3','duration':1250.62,'error_message':'cannot open /home/ann/x.yaml',"
                + "'$device_id':'dev-9'}}"));

        assertThat(sink.nativeEvents()).containsExactly(new NativeEvent(
                "2025-10-03T10:15:08Z", "cli", "1.2.3", List.of("cli", "deploy"), null, 1, 1251L,
                "cannot open /home/ann/x.yaml", "anon-1", "dev-9", null, null, "u-2", null));
    }

    @Test
    void integerExitCodePropertyWinsOverTheEventName() {
        RecordingSink sink = read(j("{'event':'CLI execution failed','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z',"
                + "'properties':{'command_name':'arcade.login','tool_name':'arcade','exit_code':130,'event_index':7}}"));

        NativeEvent e = sink.nativeEvents().get(0);
        assertThat(e.exitCode()).isEqualTo(130);
        assertThat(e.commandPath()).containsExactly("arcade", "login");
        assertThat(e.machineId()).isEqualTo("a");
        assertThat(e.sequence()).isEqualTo(7L);
    }

    @Test
    void batchBodiesKeepTheOrderOfTheirEvents() {
        String event1 = "{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:01Z','properties':{'command_name':'one'}}";
        String event2 = "{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:02Z','properties':{'command_name':'two'}}";
        RecordingSink sink = read(
                j("{'batch':[" + event1 + "," + event2 + "]}"),
                j("{'api_key':'phc_x','historical_migration':true,'batch':[" + event1 + ",{'event':'$pageview','distinct_id':'a'}]}"),
                j("[" + event2 + "]"));

        assertThat(sink.events).extracting(e -> e.line() + "/" + e.index() + "/" + e.event().commandPath().get(1))
                .containsExactly("1/0/one", "1/1/two", "2/0/one", "3/0/two");
        assertThat(sink.ignored).isEqualTo(Map.of("$pageview", 1));
    }

    @Test
    void exportRowsWithPropertiesAtTheTopLevelOrAsAJsonStringAreRead() {
        RecordingSink sink = read(
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01 00:00:01.5',"
                        + "'command_name':'toolkit.run','cli_version':'2.0.0','duration_ms':10}"),
                "{\"event\":\"CLI execution failed\",\"distinct_id\":\"a\",\"timestamp\":\"2025-01-01T00:00:02+0000\","
                        + "\"properties\":\"{\\\"command_name\\\":\\\"toolkit.run\\\",\\\"duration_ms\\\":20}\"}");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.nativeEvents()).extracting(NativeEvent::timestamp, NativeEvent::commandPath,
                        NativeEvent::toolVersion, NativeEvent::durationMs, NativeEvent::exitCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-01-01T00:00:01.500Z", List.of("cli", "toolkit", "run"), "2.0.0", 10L, 0),
                        org.assertj.core.groups.Tuple.tuple("2025-01-01T00:00:02Z", List.of("cli", "toolkit", "run"), null, 20L, 1));
    }

    @Test
    void otherEventNamesAreIgnoredAndCountedByName() {
        RecordingSink sink = read(
                j("{'event':'$pageview','properties':{}}"),
                j("{'event':'$autocapture'}"),
                j("{'event':'$pageview','distinct_id':'x'}"));

        assertThat(sink.ignored).containsExactly(Map.entry("$pageview", 2), Map.entry("$autocapture", 1));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void unmappableLinesAreRejectedWithTheirReason() {
        String ok = "{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'command_name':'x'}}";
        RecordingSink sink = read(
                "{not json",
                j("{'event':'CLI execution succeeded','timestamp':'2025-01-01T00:00:00Z','properties':{'command_name':'x'}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'yesterday','properties':{'command_name':'x'}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','properties':{'command_name':'x'}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'command_name':' . '}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'command_name':'x','duration_ms':-5}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'command_name':'x','exit_code':'1'}}"),
                j("{'batch':[" + ok + ",{'event':'CLI execution succeeded','distinct_id':7,'timestamp':'2025-01-01T00:00:00Z'}]}"),
                j("{'batch':{'event':'x'}}"),
                j("{'distinct_id':'a','properties':{}}"),
                j("{'event':'$create_alias','distinct_id':'a','properties':{}}"),
                "42");

        assertThat(sink.rejects).containsExactly(
                "1:invalid_json",
                "2:missing_field:distinct_id",
                "3:bad_timestamp",
                "4:missing_field:timestamp",
                "5:missing_field:command_name",
                "6:empty_command_path",
                "7:wrong_type:duration_ms",
                "8:wrong_type:exit_code",
                "9:wrong_type:distinct_id",
                "10:wrong_type:batch",
                "11:missing_field:event",
                "12:missing_field:alias",
                "13:wrong_type:event");
        assertThat(sink.events).as("a rejected batch line yields none of its events").isEmpty();
    }

    @Test
    void aliasBeforeOrAfterTheEventsLinksTheTwoIds() {
        String event = "{'event':'CLI execution succeeded','distinct_id':'%s','timestamp':'2025-01-01T00:00:0%d Z','properties':{'command_name':'x'}}";
        RecordingSink before = read(
                j("{'event':'$create_alias','distinct_id':'principal-1','properties':{'alias':'anon-1'}}"),
                j(String.format(event, "principal-1", 1).replace(" Z", "Z")));
        RecordingSink after = read(
                j(String.format(event, "anon-1", 1).replace(" Z", "Z")),
                j(String.format(event, "anon-1", 2).replace(" Z", "Z")),
                j("{'event':'$create_alias','distinct_id':'principal-1','properties':{'alias':'anon-1'}}"));

        assertThat(before.links).containsExactly(List.of("principal-1", "anon-1"));
        assertThat(after.links).containsExactly(List.of("principal-1", "anon-1"));
        assertThat(after.nativeEvents()).extracting(NativeEvent::actorId).containsExactly("anon-1", "anon-1");
    }

    @Test
    void identifyLinksTheAnonymousIdAndAnIdentifyWithoutOneIsIgnored() {
        RecordingSink sink = read(
                j("{'event':'$identify','distinct_id':'user-7','properties':{'$anon_distinct_id':'anon-7'}}"),
                j("{'event':'$identify','properties':{'distinct_id':'user-8','$anon_distinct_id':'anon-8'}}"),
                j("{'event':'$identify','distinct_id':'user-9','properties':{}}"));

        assertThat(sink.links).containsExactly(List.of("user-7", "anon-7"), List.of("user-8", "anon-8"));
        assertThat(sink.ignored).isEqualTo(Map.of("$identify", 1));
    }

    @Test
    void twoMachinesOfOnePersonAndALogoutRotationToANeverLinkedIdStaySeparate() {
        String cmd = "{'event':'CLI execution succeeded','distinct_id':'%s','timestamp':'2025-01-01T00:00:00Z',"
                + "'properties':{'command_name':'%s','machine_id':'%s'}}";
        RecordingSink sink = read(
                j(String.format(cmd, "anon-laptop", "toolkit.list", "laptop")),
                j("{'event':'$create_alias','distinct_id':'principal-1','properties':{'alias':'anon-laptop'}}"),
                j(String.format(cmd, "principal-1", "login", "laptop")),
                j(String.format(cmd, "anon-desktop", "toolkit.list", "desktop")),
                j("{'event':'$create_alias','distinct_id':'principal-1','properties':{'alias':'anon-desktop'}}"),
                j(String.format(cmd, "principal-1", "logout", "laptop")),
                j(String.format(cmd, "anon-rotated", "toolkit.list", "laptop")));

        assertThat(sink.linkPairs()).containsExactly("anon-desktop=principal-1", "anon-laptop=principal-1");
        assertThat(sink.links).noneMatch(l -> l.contains("anon-rotated"));
        assertThat(sink.nativeEvents()).extracting(NativeEvent::actorId, NativeEvent::machineId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anon-laptop", "laptop"),
                        org.assertj.core.groups.Tuple.tuple("principal-1", "laptop"),
                        org.assertj.core.groups.Tuple.tuple("anon-desktop", "desktop"),
                        org.assertj.core.groups.Tuple.tuple("principal-1", "laptop"),
                        org.assertj.core.groups.Tuple.tuple("anon-rotated", "laptop"));
    }

    @Test
    void eventNamesAndPropertiesComeFromTheSettings() {
        FormatConfig.PostHog d = FormatConfig.defaults().posthog();
        Map<String, List<String>> props = new java.util.LinkedHashMap<>(d.properties());
        props.put("command", List.of("cmd"));
        FormatConfig.PostHog custom = new FormatConfig.PostHog("acme", " ", java.util.Set.of("command ran"),
                java.util.Set.of("command broke"), d.aliasEvents(), d.identifyEvents(), props);
        RecordingSink sink = RecordingSink.read(new PostHogReader(custom),
                j("{'event':'command ran','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'cmd':'db migrate'}}"),
                j("{'event':'command broke','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'cmd':'acme db'}}"),
                j("{'event':'CLI execution succeeded','distinct_id':'a','timestamp':'2025-01-01T00:00:00Z','properties':{'cmd':'x'}}"));

        assertThat(sink.nativeEvents()).extracting(NativeEvent::commandPath, NativeEvent::exitCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("acme", "db", "migrate"), 0),
                org.assertj.core.groups.Tuple.tuple(List.of("acme", "db"), 1));
        assertThat(sink.ignored).isEqualTo(Map.of("CLI execution succeeded", 1));
    }
}
