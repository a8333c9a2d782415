package dev.clianalytics.reliability;

import dev.clianalytics.support.CliRun;

/** Checks shared by every hostile-input run: what a user must never see. */
final class Hostile {
    private Hostile() {}

    /** No stack trace, no "unexpected" error (a bug), no Java exception name on either stream. */
    static void assertClean(CliRun.Result r, String context) {
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("Exception") || all.contains("unexpected ")) {
            throw new AssertionError("a crash or stack trace reached the user: " + context);
        }
    }
}
