package dev.clianalytics.cli;

import dev.clianalytics.infer.InferSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Times for --since/--until. Relative: 30m, 12h, 7d, 2w (that long before now, to the second;
 * s, m, h, d and w are seconds, minutes, hours, days and weeks). Absolute, ISO-8601 as infer's
 * --as-of: 2026-01-24T10:00:00Z, with an offset (+02:00), without one (taken as UTC, like event
 * timestamps), a bare date (midnight UTC); a space may stand for the T (2026-01-24 10:00).
 */
final class InstantConverter implements ITypeConverter<Instant> {
    static final String FORMS = "7d, 12h, 30m, 2w (before now) or an ISO-8601 date or time, e.g. 2026-01-24,"
            + " 2026-01-24 10:00 or 2026-01-24T10:00:00Z";
    /** At most 5 digits: 99999w is some 1,900 years, still a year DuckDB and the reports write plainly. */
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([smhdw])");
    private static final Pattern SPACED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) +(\\d.*)");

    private final Clock clock;

    InstantConverter() {
        this(Clock.systemUTC());
    }

    /** With the clock that decides "now" (tests fix it). */
    InstantConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        Matcher relative = RELATIVE.matcher(text);
        try {
            if (relative.matches()) {
                return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(duration(relative));
            }
            Matcher spaced = SPACED.matcher(text);
            return InferSettings.parseInstant(spaced.matches() ? spaced.group(1) + "T" + spaced.group(2) : text);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a time; use " + FORMS);
        }
    }

    private static Duration duration(Matcher m) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
