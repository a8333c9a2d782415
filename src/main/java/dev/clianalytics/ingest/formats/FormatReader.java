package dev.clianalytics.ingest.formats;

/**
 * Reads the lines of one file in a foreign format (PostHog, Segment) and turns them into what the
 * native ingest path stores. One reader per file; it may keep state across lines (a Segment
 * invocation spans several lines) and emits what is still pending in {@link #finish}.
 * Values passed to the sink are raw: the ingest path hashes ids and sanitizes every field
 * exactly as for native events (SPEC §4.1).
 *
 * <p>Every record (one event of a line) reaches the sink exactly once as one of: a command event, a
 * lifecycle call merged into another call's command event, a flow event, a link, an ignored event or
 * a reject; that is how ingest accounts for every line (docs/formats.md, "Every line accounted for").
 */
public interface FormatReader {
    /** Reads one line; {@code lineNumber} is 1-based within its file. Blank lines are never passed. */
    void accept(String line, long lineNumber, Sink sink);

    /** Called once after the last line. */
    void finish(Sink sink);

    /** Where a reader's results go. */
    interface Sink {
        /** A command event; {@code indexInLine} orders several events of one line (batch bodies). */
        void event(long lineNumber, int indexInLine, NativeEvent event);

        /** A non-command event (auth, create, upgrade flows) kept for funnels. */
        void flowEvent(long lineNumber, int indexInLine, FlowEvent event);

        /**
         * Two raw actor ids are one person (alias, identify): {@code linkedActorId} is the anonymous
         * id that signed in as {@code actorId} at {@code timestamp} (normalised; null when the call
         * carried none, then the link still stitches the two but marks no sign-in).
         */
        void link(long lineNumber, int indexInLine, String actorId, String linkedActorId, String timestamp);

        /** An event of a kind we do not analyse (e.g. $pageview), counted by name. */
        void ignored(String eventName);

        /** The line cannot be mapped; reason is a SPEC §4.3 code such as invalid_json or missing_field:distinct_id. */
        void reject(long lineNumber, String reason);

        /**
         * One record of a line that was read is rejected (a Command Completed whose Command Invoked is
         * missing); the line's other records count as they were emitted, the line is reported with the reason.
         */
        void rejectRecord(long lineNumber, String reason);

        /** A line was read whole; it held {@code records} records (an empty batch counts one). */
        void lineRead(long lineNumber, int records);

        /** Lifecycle calls of an invocation merged into the call that stands for it (counted, not stored apart). */
        void merged(int calls);

        /** An event named no tool and was given the default tool (`--tool`, else `default_tool`). */
        void toolDefaulted();
    }
}
