package dev.clianalytics.ingest.formats;

import static dev.clianalytics.ingest.formats.PostHogReaderTest.j;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    @Test
    void nativeLinesAreNative() {
        assertThat(FormatDetector.detect(j("{'timestamp':'2025-01-01T00:00:00Z','tool_name':'tf','command_path':['tf','plan'],"
                + "'actor_id':'a','machine_id':'m','event_id':'e','error_type':'saw \\'event\\' and \\'distinct_id\\''}")))
                .isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect(j("{'error_type':'{\\'distinct_id\\':1}','event_id':'x'}"))).isEqualTo(EventFormat.NATIVE);
    }

    @Test
    void postHogCapturesBatchesAndExportsArePostHog() {
        assertThat(FormatDetector.detect(j("{'event':'CLI execution succeeded','distinct_id':'a','properties':{}}")))
                .isEqualTo(EventFormat.POSTHOG);
        assertThat(FormatDetector.detect(j("{'type':'capture','event':'x','properties':{},'distinct_id':'a'}")))
                .isEqualTo(EventFormat.POSTHOG);
        assertThat(FormatDetector.detect(j("{'api_key':'phc','batch':[{'event':'x'}]}"))).isEqualTo(EventFormat.POSTHOG);
        assertThat(FormatDetector.detect(j("{'batch':[{'properties':{'userId':1},'distinct_id':'a','event':'x'}]}")))
                .isEqualTo(EventFormat.POSTHOG);
        assertThat(FormatDetector.detect(j(" [ {'uuid':'u','event':'$autocapture','properties':{'distinct_id':'a'}}]")))
                .isEqualTo(EventFormat.POSTHOG);
    }

    @Test
    void segmentCallsBatchesAndWarehouseRowsAreSegment() {
        assertThat(FormatDetector.detect(j("{'type':'track','event':'Command Invoked','anonymousId':'a'}")))
                .isEqualTo(EventFormat.SEGMENT);
        assertThat(FormatDetector.detect(j("{'batch':[{'type':'alias','previousId':'A','userId':'B'}],'context':{}}")))
                .isEqualTo(EventFormat.SEGMENT);
        assertThat(FormatDetector.detect(j("{'batch':[{'event':'Download','properties':{'distinct_id':'x'},'type':'track'}]}")))
                .isEqualTo(EventFormat.SEGMENT);
        assertThat(FormatDetector.detect(j("{'event':'Command Invoked','anonymous_id':'a','command':'x'}")))
                .isEqualTo(EventFormat.SEGMENT);
    }

    @Test
    void anythingElseIsLeftToTheNativePathToJudge() {
        assertThat(FormatDetector.detect("{not json")).isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect("42")).isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect("\"text")).isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect("{}")).isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect("")).isEqualTo(EventFormat.NATIVE);
    }

    @Test
    void decisiveKeysFollowAPriorityNotTheirOrderInTheLine() {
        assertThat(FormatDetector.detect(j("{'messageId':'m','distinct_id':'a','event':'x'}"))).isEqualTo(EventFormat.POSTHOG);
        assertThat(FormatDetector.detect(j("{'distinct_id':'a','actor_id':'b'}"))).isEqualTo(EventFormat.NATIVE);
        assertThat(FormatDetector.detect(j("{'type':'capture','event':'x','uuid':'u'}"))).isEqualTo(EventFormat.SEGMENT);
    }
}
