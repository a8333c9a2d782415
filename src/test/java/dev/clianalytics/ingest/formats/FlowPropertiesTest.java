package dev.clianalytics.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which text values of a flow event's properties are kept: enum-like words only, never a secret's shape. */
class FlowPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"login", "auth_flow", "v1.2.3", "us-east-1", "prod", "12345", "device-code", "step:2"})
    void enumLikeValuesAreKept(String value) {
        assertThat(FlowProperties.safeText(value)).isTrue();
    }

    // each shorter than 20 characters, so the rule for long opaque strings does not catch it
    @ParameterizedTest
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAxyz",   // an access key id with a lower-case tail
        "prod-ghp_abc123def4",   // a token after a word
        "ci-glpat-x1y2z3w4",
        "prod-sk-abcdefgh12",
        "x-eyJhbGciOiJIUzI1",    // a JWT's header after a word
        "10.0.0.1",
        "deadbeefdeadbeef00",
    })
    void aTokenAnywhereInTheValueDropsIt(String value) {
        assertThat(FlowProperties.safeText(value)).isFalse();
    }
}
