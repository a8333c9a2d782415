package dev.clianalytics.ingest.formats;

/** Thrown while mapping one line: the whole line is rejected with a SPEC §4.3 reason code. */
final class Rejected extends RuntimeException {
    private final String reason;

    Rejected(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static Rejected missing(String field) {
        return new Rejected("missing_field:" + field);
    }

    static Rejected wrongType(String field) {
        return new Rejected("wrong_type:" + field);
    }
}
