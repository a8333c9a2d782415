package dev.clianalytics.ingest.formats;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** ISO-8601 timestamps as exports write them, normalised to a UTC instant string. */
final class Timestamps {
    // Offsets written without a colon (+0200), as some exporters do.
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHmm", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    // STRICT: 2026-02-30 is an error, not silently February 28
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {}

    /**
     * Parses {@code 2024-05-01T10:00:00Z}, {@code …+02:00}, {@code …+0200}, a space instead of
     * {@code T} (PostHog/ClickHouse exports) and no offset (= UTC); returns {@link Instant#toString()}.
     */
    static String normalise(String text) {
        String s = text.trim();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            return OffsetDateTime.parse(s, OFFSET).toInstant().toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException notLocal) {
                try {
                    return OffsetDateTime.parse(s, COMPACT_OFFSET).toInstant().toString();
                } catch (DateTimeParseException bad) {
                    throw new Rejected("bad_timestamp");
                }
            }
        }
    }
}
