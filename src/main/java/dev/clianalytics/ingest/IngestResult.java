package dev.clianalytics.ingest;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a committed ingest run did, file by file. Rejected lines are described by reason and
 * location only, never by content.
 */
public record IngestResult(
        int runId,
        List<FileResult> files,
        long unknownFields,
        List<NameCount> unknownFieldNames,
        List<ReasonCount> rejectReasons,
        List<NameCount> ignoredNames,
        FlagsDropped flagsDropped,
        long toolDefaulted,
        Duration elapsed,
        List<String> phases) {

    public IngestResult {
        files = List.copyOf(files);
        unknownFieldNames = List.copyOf(unknownFieldNames);
        rejectReasons = List.copyOf(rejectReasons);
        ignoredNames = List.copyOf(ignoredNames);
    }

    /** Timings of the steps of the run ("stage 1.20 s", ...), for --verbose. */
    @Override
    public List<String> phases() {
        return List.copyOf(phases);
    }

    /**
     * One input: its non-blank lines, the records they held, and what became of each record
     * (docs/formats.md, "Every line accounted for"): {@code records = accepted + merged + flowEvents +
     * links + ignored + duplicates + conflicts + rejected}. {@code foreign}: it had PostHog or Segment lines.
     */
    public record FileResult(String name, long bytes, long lines, long records, long accepted, long merged,
            long flowEvents, long links, long ignored, long duplicates, long conflicts, long rejected, boolean foreign) {

        /** The records the outcomes add up to; equals {@link #records} when every record is accounted for. */
        public long outcomes() {
            return accepted + merged + flowEvents + links + ignored + duplicates + conflicts + rejected;
        }
    }

    /** A field name outside SPEC §3 and how many lines carried it. */
    public record NameCount(String name, long count) {}

    /** A reject reason, how many lines had it, and where the first few are ("file:line"). */
    public record ReasonCount(String reason, long count, List<String> firstLocations) {
        public ReasonCount {
            firstLocations = List.copyOf(firstLocations);
        }
    }

    /** Flag names not kept (SPEC §4.1): malformed ones, and those that name or look like a secret. */
    public record FlagsDropped(long malformed, long secret) {
        public long total() {
            return malformed + secret;
        }
    }

    public long bytes() {
        return sum(FileResult::bytes);
    }

    public long lines() {
        return sum(FileResult::lines);
    }

    public long records() {
        return sum(FileResult::records);
    }

    /** Command events stored. */
    public long accepted() {
        return sum(FileResult::accepted);
    }

    public long merged() {
        return sum(FileResult::merged);
    }

    public long flowEvents() {
        return sum(FileResult::flowEvents);
    }

    public long links() {
        return sum(FileResult::links);
    }

    public long ignored() {
        return sum(FileResult::ignored);
    }

    public long duplicates() {
        return sum(FileResult::duplicates);
    }

    public long conflicts() {
        return sum(FileResult::conflicts);
    }

    public long rejected() {
        return sum(FileResult::rejected);
    }

    /** Whether any input held PostHog or Segment lines. */
    public boolean foreign() {
        return files.stream().anyMatch(FileResult::foreign);
    }

    private long sum(ToLongFunction<FileResult> count) {
        return files.stream().mapToLong(count).sum();
    }
}
