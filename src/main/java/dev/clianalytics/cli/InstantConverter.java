package dev.clianalytics.cli;

import dev.clianalytics.infer.InferSettings;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * ISO-8601 instants for --since/--until: 2026-01-24T10:00:00Z, with an offset (+02:00), without one
 * (taken as UTC, like event timestamps), or a bare date (midnight UTC); parsed as infer's --as-of is.
 */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return InferSettings.parseInstant(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "not an ISO-8601 date or time (expected e.g. 2026-01-24 or 2026-01-24T10:00:00Z)");
        }
    }
}
