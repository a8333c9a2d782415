package dev.clianalytics.ingest.formats;

import static dev.clianalytics.ingest.formats.PostHogReaderTest.j;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    @Test
    void nativeLinesAreNative() {
        assertThat(FormatDetector.detect(j("{'timestamp':'2025-01-01T00:00:00Z','tool_name':'tf','command_path':['tf','plan'],"
                + "'actor_id':'a','machine_id':'m','event_id':'e','error_type':'saw \\'event\\' and \\'distinct_id\\''}")))
                .isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect(j("{'error_type':'{\\'distinct_id\\':1}','event_id':'x'}"))).isEqualTo(Format.NATIVE);
    }

    @Test
    void postHogCapturesBatchesAndExportsArePostHog() {
        assertThat(FormatDetector.detect(j("{'event':'CLI execution succeeded','distinct_id':'a','properties':{}}")))
                .isEqualTo(Format.POSTHOG);
        assertThat(FormatDetector.detect(j("{'type':'capture','event':'x','properties':{},'distinct_id':'a'}")))
                .isEqualTo(Format.POSTHOG);
        assertThat(FormatDetector.detect(j("{'api_key':'phc','batch':[{'event':'x'}]}"))).isEqualTo(Format.POSTHOG);
        assertThat(FormatDetector.detect(j("{'batch':[{'properties':{'userId':1},'distinct_id':'a','event':'x'}]}")))
                .isEqualTo(Format.POSTHOG);
        assertThat(FormatDetector.detect(j(" [ {'uuid':'u','event':'$autocapture','properties':{'distinct_id':'a'}}]")))
                .isEqualTo(Format.POSTHOG);
    }

    @Test
    void segmentCallsBatchesAndWarehouseRowsAreSegment() {
        assertThat(FormatDetector.detect(j("{'type':'track','event':'Command Invoked','anonymousId':'a'}")))
                .isEqualTo(Format.SEGMENT);
        assertThat(FormatDetector.detect(j("{'batch':[{'type':'alias','previousId':'A','userId':'B'}],'context':{}}")))
                .isEqualTo(Format.SEGMENT);
        assertThat(FormatDetector.detect(j("{'batch':[{'event':'Download','properties':{'distinct_id':'x'},'type':'track'}]}")))
                .isEqualTo(Format.SEGMENT);
        assertThat(FormatDetector.detect(j("{'event':'Command Invoked','anonymous_id':'a','command':'x'}")))
                .isEqualTo(Format.SEGMENT);
    }

    @Test
    void anythingElseIsLeftToTheNativePathToJudge() {
        assertThat(FormatDetector.detect("{not json")).isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect("42")).isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect("\"text")).isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect("{}")).isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect("")).isEqualTo(Format.NATIVE);
    }

    @Test
    void decisiveKeysFollowAPriorityNotTheirOrderInTheLine() {
        assertThat(FormatDetector.detect(j("{'messageId':'m','distinct_id':'a','event':'x'}"))).isEqualTo(Format.POSTHOG);
        assertThat(FormatDetector.detect(j("{'distinct_id':'a','actor_id':'b'}"))).isEqualTo(Format.NATIVE);
        assertThat(FormatDetector.detect(j("{'type':'capture','event':'x','uuid':'u'}"))).isEqualTo(Format.SEGMENT);
    }
}
