package dev.clianalytics.reliability;

import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Two commands on one database at once (two child JVMs): each either works or gets exit 4 with
 * the "in use" message; retried, everything is there, nothing is lost or half-written.
 */
final class Concurrency {
    static final List<String> PAIRS = List.of("ingest+ingest", "ingest+infer", "infer+report");

    private Concurrency() {}

    /** Runs one pair; returns how many of the two got exit 4 (and were retried). */
    static int pair(Path dir, Path db, Random rnd, String pair, int lines) throws Exception {
        long[] before = Crashes.ingestState(db);
        Path a = Crashes.events(dir, "pair-a.jsonl", rnd, lines);
        Path b = Crashes.events(dir, "pair-b.jsonl", rnd, lines);
        String[][] commands = switch (pair) {
            case "ingest+ingest" -> new String[][] {{"ingest", a.toString()}, {"ingest", b.toString()}};
            case "ingest+infer" -> new String[][] {{"ingest", a.toString()}, {"infer"}};
            case "infer+report" -> new String[][] {{"infer"}, {"report", "summary", "--format", "json"}};
            default -> throw new IllegalArgumentException(pair);
        };
        if (pair.equals("infer+report")) {
            // The promise under test is "the report works or is busy" while infer replaces current
            // tables; an earlier pair may have left them older than the last ingest, and a report
            // that opens first then rightly says so (exit 1). Bring them up to date first.
            CliRun.Result infer = CliRun.withDb(db).run("infer");
            if (infer.exitCode() != 0) {
                throw new AssertionError("infer before the pair failed: " + infer);
            }
        }
        Crashes.Child first = Crashes.start(dir, db, commands[0]);
        Thread.sleep(rnd.nextInt(400));
        Crashes.Child second = Crashes.start(dir, db, commands[1]);
        int busy = 0;
        int[] codes = {first.waitFor(), second.waitFor()}; // both ended before any retry
        for (int i = 0; i < 2; i++) {
            Crashes.Child child = i == 0 ? first : second;
            int code = codes[i];
            String context = pair + ": " + String.join(" ", commands[i]) + " exit " + code + "\n" + child.stderr();
            Hostile.assertClean(new CliRun.Result(code, child.stdout(), child.stderr(), List.of()), context);
            if (code == 4) {
                if (!child.stderr().matches("(?s)error: database .* is in use by another process \\(PID \\d+\\); try again when it has finished, or add --wait to wait for it\\n")) {
                    throw new AssertionError("busy without the clear message: " + context);
                }
                busy++;
                CliRun.Result retry = CliRun.withDb(db).run(commands[i]);
                if (retry.exitCode() != 0) {
                    throw new AssertionError("the retry failed: " + context + "\n" + retry);
                }
            } else if (code != 0) {
                throw new AssertionError("neither done nor busy: " + context);
            }
        }
        long expected = pair.equals("ingest+ingest") ? 2L * lines : pair.equals("ingest+infer") ? lines : 0;
        long[] after = Crashes.ingestState(db);
        if (after[2] != before[2] + expected || after[1] != after[2]) {
            throw new AssertionError(pair + ": events lost or doubled: " + java.util.Arrays.toString(before) + " -> "
                    + java.util.Arrays.toString(after) + ", expected +" + expected);
        }
        String infer = Crashes.inferState(db);
        String[] s = infer.split(" \\| ");
        if (!s[1].equals(s[3]) || !s[2].equals(s[4])) {
            throw new AssertionError(pair + ": derived tables do not match their infer run: " + infer);
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        return busy;
    }
}
