package dev.clianalytics.cli;

import dev.clianalytics.ingest.IngestResult;
import dev.clianalytics.ingest.IngestResult.FileResult;
import dev.clianalytics.ingest.formats.FormatConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The summary ingest prints on stderr: rejects by reason, what was ignored or dropped, and one line
 * per file (then the total) in which every record is accounted for (docs/formats.md, "Every line
 * accounted for"): the numbers after the colon add up to the records before it.
 */
final class IngestSummary {
    private final PrintWriter err;
    private final Path rejects;
    private final FormatConfig formats;
    private final boolean toolGiven;

    IngestSummary(PrintWriter err, Path rejects, FormatConfig formats, boolean toolGiven) {
        this.err = err;
        this.rejects = rejects;
        this.formats = formats;
        this.toolGiven = toolGiven;
    }

    void render(IngestResult r) {
        if (r.rejected() > 0) {
            err.printf(Locale.ROOT, "rejected %,d line%s%s:%n", r.rejected(), plural(r.rejected()),
                    rejects != null ? " (all written to " + rejects + ")" : " (use --rejects FILE to keep them)");
            int width = r.rejectReasons().stream().mapToInt(c -> c.reason().length()).max().orElse(0);
            for (IngestResult.ReasonCount c : r.rejectReasons()) {
                err.printf(Locale.ROOT, "  %-" + width + "s %,9d  %s%s%n", c.reason(), c.count(),
                        String.join(", ", c.firstLocations()), c.count() > c.firstLocations().size() ? ", …" : "");
            }
        }
        if (r.unknownFields() > 0) {
            err.printf(Locale.ROOT, "ignored %,d unknown field value%s%s%n", r.unknownFields(), plural(r.unknownFields()),
                    names(r.unknownFieldNames(), r.unknownFields()));
        }
        if (r.ignored() > 0) {
            err.printf(Locale.ROOT, "ignored %,d event%s of other kinds%s%n", r.ignored(), plural(r.ignored()),
                    names(r.ignoredNames(), r.ignored()));
        }
        IngestResult.FlagsDropped flags = r.flagsDropped();
        if (flags.total() > 0) {
            err.printf(Locale.ROOT, "flag names not kept: %,d malformed, %,d naming a secret (a name is one or two dashes,"
                    + " a letter, then letters, digits, - or _; docs/ingest.md)%n", flags.malformed(), flags.secret());
        }
        if (r.toolDefaulted() > 0 && !toolGiven) {
            String tool = formats.segment().defaultTool();
            err.printf(Locale.ROOT, "%,d event%s named no tool and %s given %s; name it with --tool NAME%n",
                    r.toolDefaulted(), plural(r.toolDefaulted()), r.toolDefaulted() == 1 ? "was" : "were",
                    tool.equals(formats.posthog().defaultTool()) ? "the tool '" + tool + "'" : "the settings' default_tool");
        }
        if (r.conflicts() > 0) {
            err.printf(Locale.ROOT, "%,d event%s reused an event_id with other content (%s); the first event was kept%s%n",
                    r.conflicts(), plural(r.conflicts()), "conflicting_event_id",
                    rejects != null ? ", the lines are in " + rejects : "; use --rejects FILE to see the lines");
        }
        if (r.foreign() && r.accepted() + r.duplicates() + r.conflicts() + r.rejected() == 0 && r.records() > 0) {
            err.printf(Locale.ROOT, "no command event among them: the command events read are %s (PostHog) and %s"
                    + " (Segment); name your CLI's in the posthog: or segment: section of --workflows FILE"
                    + " (docs/formats.md)%n", String.join(", ", sorted(formats.posthog().successEvents(),
                            formats.posthog().failureEvents())),
                    String.join(", ", sorted(formats.segment().invokedEvents(), formats.segment().commandEvents())));
        }
        if (r.files().size() > 1) {
            for (FileResult f : r.files()) {
                err.printf(Locale.ROOT, "  %s: %s%n", f.name(), accounts(f, r.foreign()));
            }
        }
        double seconds = Math.max(r.elapsed().toNanos() / 1e9, 1e-9);
        String what = r.files().size() == 1 ? r.files().get(0).name() : r.files().size() + " files";
        FileResult total = new FileResult(what, r.bytes(), r.lines(), r.records(), r.accepted(), r.merged(), r.flowEvents(),
                r.links(), r.ignored(), r.duplicates(), r.conflicts(), r.rejected(), r.foreign());
        err.printf(Locale.ROOT, "ingested %s: %s in %.1f s (%,.0f %s/s)%n", what, accounts(total, r.foreign()), seconds,
                total.outcomes() / seconds, r.foreign() ? "records" : "events");
    }

    /**
     * What became of a file's records. Native lines hold one event each: stored, duplicate, conflict
     * or rejected. With PostHog or Segment lines the records are counted first, then every outcome.
     */
    private static String accounts(FileResult f, boolean foreign) {
        StringBuilder b = new StringBuilder();
        if (foreign) {
            b.append(count(f.records(), "record")).append(" in ").append(count(f.lines(), "line")).append(": ");
        }
        b.append(count(f.accepted(), "event")).append(" stored");
        if (foreign) {
            if (f.merged() > 0) {
                b.append(String.format(Locale.ROOT, ", %,d merged into their invocation", f.merged()));
            }
            b.append(", ").append(count(f.flowEvents(), "flow event"))
                    .append(", ").append(count(f.links(), "identity link"))
                    .append(String.format(Locale.ROOT, ", %,d ignored", f.ignored()));
        }
        b.append(", ").append(count(f.duplicates(), "duplicate"));
        if (f.conflicts() > 0) {
            b.append(", ").append(count(f.conflicts(), "conflict"));
        }
        return b.append(String.format(Locale.ROOT, ", %,d rejected", f.rejected())).toString();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, plural(n));
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String names(List<IngestResult.NameCount> names, long total) {
        StringBuilder b = new StringBuilder();
        long listed = 0;
        for (IngestResult.NameCount n : names) {
            b.append(b.length() == 0 ? " (" : ", ").append(n.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", n.count()));
            listed += n.count();
        }
        return b.length() == 0 ? "" : b.append(listed < total ? ", …)" : ")").toString();
    }

    @SafeVarargs
    private static List<String> sorted(java.util.Set<String>... sets) {
        return java.util.Arrays.stream(sets).flatMap(java.util.Set::stream).sorted().toList();
    }
}
