package dev.clianalytics.ingest;

import dev.clianalytics.ingest.formats.FormatReader;
import java.util.Optional;

/**
 * The seam for foreign formats (SPEC §4.4): lines detected (or declared) as PostHog or Segment
 * are handed to a {@link FormatReader} of {@code ingest/formats}. Until a reader is registered
 * for a format, its lines are rejected as {@code unsupported_format:<format>}, never dropped.
 */
@FunctionalInterface
public interface ForeignReaders {
    /** No foreign reader: every PostHog or Segment line is a reject. */
    ForeignReaders NONE = format -> Optional.empty();

    /** A fresh reader for one file in {@code format}, if this build can read it. */
    Optional<FormatReader> readerFor(InputFormat format);
}
