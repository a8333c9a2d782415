package dev.clianalytics.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a tool's versions and flags regressions. Semantic versions come first in their order
 * (Semver), then anything else (including runs without a version) by when it was first seen. A
 * version with at least minRuns runs is compared to the previous version in that order that also
 * has minRuns (compared_to); it regressed when its Wilson interval lies entirely below that one's.
 */
public final class Releases {
    /** Runs a version needs before it is compared, by default: fewer give intervals too wide to tell. */
    public static final int DEFAULT_MIN_RUNS = 30;

    private Releases() {}

    /** What SQL counted for one (tool, version). */
    public record Counts(String tool, String version, long runs, long successCount, long failedCount,
            Long medianDurationMs, Instant firstSeen, Instant lastSeen, long actors) {}

    /** One version with its interval, and the version it was compared to (null: not compared). */
    public record Release(Counts counts, Wilson interval, boolean regression, String comparedTo) {}

    /** Every tool's versions in order (tools by name), each compared as above. */
    public static List<Release> compare(List<Counts> rows, int minRuns) {
        Map<String, List<Counts>> byTool = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Counts::tool))
                .forEach(r -> byTool.computeIfAbsent(r.tool(), t -> new ArrayList<>()).add(r));
        List<Release> out = new ArrayList<>();
        for (List<Counts> versions : byTool.values()) {
            Release previous = null;
            for (Counts c : ordered(versions)) {
                Wilson w = Wilson.of(c.successCount(), c.runs());
                if (c.runs() < minRuns) {
                    out.add(new Release(c, w, false, null));
                    continue;
                }
                Release r = previous == null ? new Release(c, w, false, null)
                        : new Release(c, w, w.below(previous.interval()), previous.counts().version());
                out.add(r);
                previous = r;
            }
        }
        return out;
    }

    /** The newest {@code n} versions of each tool, in the same order. */
    public static List<Release> newest(List<Release> releases, int n) {
        Map<String, List<Release>> byTool = new LinkedHashMap<>();
        releases.forEach(r -> byTool.computeIfAbsent(r.counts().tool(), t -> new ArrayList<>()).add(r));
        List<Release> out = new ArrayList<>();
        byTool.values().forEach(list -> out.addAll(list.subList(Math.max(0, list.size() - n), list.size())));
        return out;
    }

    static List<Counts> ordered(List<Counts> versions) {
        Comparator<Counts> semantic = Comparator.comparing((Counts c) -> Semver.parse(c.version()))
                .thenComparing(Counts::version);
        Comparator<Counts> seen = Comparator.comparing(Counts::firstSeen)
                .thenComparing(Counts::version, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Counts> out = new ArrayList<>(versions.stream().filter(c -> Semver.parse(c.version()) != null)
                .sorted(semantic).toList());
        out.addAll(versions.stream().filter(c -> Semver.parse(c.version()) == null).sorted(seen).toList());
        return out;
    }
}
