package dev.clianalytics.ingest.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** error_source and http_status (SPEC §4.1): enum-like words and HTTP statuses, else nothing. */
class ErrorSourceRulesTest {
    @Test
    void errorSourceIsAnEnumLikeWordLowerCased() {
        assertThat(PrivacyRules.errorSource("cli")).isEqualTo("cli");
        assertThat(PrivacyRules.errorSource(" API ")).isEqualTo("api");
        assertThat(PrivacyRules.errorSource("rate_limit-2")).isEqualTo("rate_limit-2");
        assertThat(PrivacyRules.errorSource("x".repeat(32))).isEqualTo("x".repeat(32));
        assertThat(PrivacyRules.errorSource(null)).isNull();
    }

    @Test
    void errorSourceOfAnyOtherShapeIsNotStored() {
        assertThat(PrivacyRules.errorSource("")).isNull();
        assertThat(PrivacyRules.errorSource("x".repeat(33))).isNull();
        assertThat(PrivacyRules.errorSource("2fa")).isNull();
        assertThat(PrivacyRules.errorSource("alice@example.com")).isNull();
        assertThat(PrivacyRules.errorSource("api gateway")).isNull();
        assertThat(PrivacyRules.errorSource("/home/alice")).isNull();
        assertThat(PrivacyRules.errorSource("réseau")).isNull();
        // passes the word pattern but has the shape of a secret
        assertThat(PrivacyRules.errorSource("ghp_abcdefghijklmnop1234")).isNull();
        assertThat(PrivacyRules.errorSource("abc123def456ghi789jkl012")).isNull();
        assertThat(PrivacyRules.errorSource("d41d8cd98f00b204e9800998ecf8427e")).isNull();
    }

    @Test
    void httpStatusIsAnIntegerFrom100To599() {
        assertThat(PrivacyRules.httpStatus(100L)).isEqualTo(100);
        assertThat(PrivacyRules.httpStatus(599L)).isEqualTo(599);
        assertThat(PrivacyRules.httpStatus("404")).isEqualTo(404);
        assertThat(PrivacyRules.httpStatus(" 503 ")).isEqualTo(503);
        assertThat(PrivacyRules.httpStatus(99L)).isNull();
        assertThat(PrivacyRules.httpStatus(600L)).isNull();
        assertThat(PrivacyRules.httpStatus(-404L)).isNull();
        assertThat(PrivacyRules.httpStatus("4O4")).isNull();
        assertThat(PrivacyRules.httpStatus("0404")).isNull();
        assertThat(PrivacyRules.httpStatus("404.0")).isNull();
        assertThat(PrivacyRules.httpStatus("eyJhbGciOiJIUzI1NiJ9")).isNull();
        assertThat(PrivacyRules.httpStatus((String) null)).isNull();
    }
}
