package dev.clianalytics.ingest.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Keeps everything a reader emits, in order, for exact assertions. */
final class RecordingSink implements FormatReader.Sink {
    record Emitted<T>(long line, int index, T event) {}

    final List<Emitted<NativeEvent>> events = new ArrayList<>();
    final List<Emitted<FlowEvent>> flows = new ArrayList<>();
    final List<List<String>> links = new ArrayList<>();
    final Map<String, Integer> ignored = new LinkedHashMap<>();
    final List<String> rejects = new ArrayList<>();
    /** Records of the lines read whole, by line. */
    final Map<Long, Integer> recordsRead = new LinkedHashMap<>();
    long recordRejects;
    long merged;
    long toolDefaulted;

    @Override
    public void event(long lineNumber, int indexInLine, NativeEvent event) {
        events.add(new Emitted<>(lineNumber, indexInLine, event));
    }

    @Override
    public void flowEvent(long lineNumber, int indexInLine, FlowEvent event) {
        flows.add(new Emitted<>(lineNumber, indexInLine, event));
    }

    @Override
    public void link(long lineNumber, int indexInLine, String actorId, String linkedActorId, String timestamp) {
        links.add(List.of(actorId, linkedActorId));
        linkTimes.add(timestamp);
    }

    final List<String> linkTimes = new ArrayList<>();

    @Override
    public void ignored(String eventName) {
        ignored.merge(eventName, 1, Integer::sum);
    }

    @Override
    public void reject(long lineNumber, String reason) {
        rejects.add(lineNumber + ":" + reason);
        rejectedLines.add(lineNumber);
    }

    /** Lines rejected as a whole. */
    final Set<Long> rejectedLines = new TreeSet<>();

    @Override
    public void rejectRecord(long lineNumber, String reason) {
        rejects.add(lineNumber + ":" + reason);
        recordRejects++;
    }

    @Override
    public void lineRead(long lineNumber, int records) {
        recordsRead.put(lineNumber, records);
    }

    @Override
    public void merged(int calls) {
        merged += calls;
    }

    @Override
    public void toolDefaulted() {
        toolDefaulted++;
    }

    /** The records of the lines read whole, which their outcomes must add up to. */
    long records() {
        return recordsRead.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** What became of those records: each is exactly one of these. */
    long outcomes() {
        return events.size() + merged + flows.size() + links.size()
                + ignored.values().stream().mapToLong(Integer::longValue).sum() + recordRejects;
    }

    List<NativeEvent> nativeEvents() {
        return events.stream().map(Emitted::event).toList();
    }

    /** Links as unordered pairs, "a=b" with the two ids sorted. */
    Set<String> linkPairs() {
        Set<String> out = new TreeSet<>();
        for (List<String> l : links) {
            out.add(l.get(0).compareTo(l.get(1)) <= 0 ? l.get(0) + "=" + l.get(1) : l.get(1) + "=" + l.get(0));
        }
        return out;
    }

    /** Feeds the lines (1-based numbering, blank lines skipped as ingest does) and finishes. */
    static RecordingSink read(FormatReader reader, String... lines) {
        RecordingSink sink = new RecordingSink();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                reader.accept(lines[i], i + 1, sink);
            }
        }
        reader.finish(sink);
        return sink;
    }
}
