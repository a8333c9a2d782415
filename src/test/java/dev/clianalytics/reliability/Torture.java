package dev.clianalytics.reliability;

import dev.clianalytics.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The long run behind bench/torture: the same checks as the tests, many more times, with a fixed
 * seed. {@code --rounds N}: N fuzz rounds, N/10 crash rounds (at least 9: first ingest, ingest and
 * infer, each with SIGKILL, SIGTERM and SIGINT), N/10 concurrent pairs (at least one of each), the
 * hostile corpus, damaged files, a full disk and the privacy sweep. Prints a table; exits 1 at the
 * first failure, naming the round, its kind, the check and the files it found.
 */
public final class Torture {
    private Torture() {}

    public static void main(String[] args) throws Exception {
        int rounds = 100;
        long seed = 20261122L;
        int lines = 40;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench/torture [--rounds N] [--seed S] [--lines L]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("torture-");
        Random rnd = new Random(seed);
        Map<String, Integer> inputs = new TreeMap<>();
        Map<String, String> table = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            // hostile corpus
            for (HostileInputTest.Expected e : HostileInputTest.expectations()) {
                Path sub = Files.createDirectories(dir.resolve("hostile-" + e.file()));
                HostileInputTest t = new HostileInputTest();
                t.dir = sub;
                t.eachHostileFileHasItsExactOutcomeAndInferStillWorks(e);
                inputs.merge("hostile corpus file", 1, Integer::sum);
            }
            progress("hostile corpus", t0);

            // fuzz
            Path fuzz = Files.createDirectories(dir.resolve("fuzz"));
            for (int r = 0; r < rounds; r++) {
                Fuzz.round(fuzz, rnd, r, lines, inputs);
                if ((r + 1) % 100 == 0) {
                    progress("fuzz round " + (r + 1), t0);
                }
            }

            // crashes: at least one per ten rounds, cycling over command x signal (CrashKind)
            int crashRounds = Math.max(CrashKind.KINDS, ceilDiv(rounds, 10));
            Map<String, Integer> crashes = new TreeMap<>();
            int tempsLeft = 0;
            int spillsLeft = 0;
            Crashes.Bed bed = null;
            for (int r = 0; r < crashRounds; r++) {
                CrashKind kind = CrashKind.of(r);
                if (r % CrashKind.KINDS == 0) { // a fresh pair of databases per cycle keeps infer quick
                    if (bed != null) {
                        deleteTree(bed.db().getParent());
                    }
                    bed = Crashes.Bed.create(dir.resolve("crash-bed-" + (r / CrashKind.KINDS + 1)), rnd, 5000);
                }
                Path roundDir = dir.resolve("crash-" + (r + 1));
                Crashes.Result result;
                try {
                    result = Crashes.round(roundDir, bed, kind, rnd, Crashes.Sizes.TORTURE);
                } catch (AssertionError e) {
                    throw new RoundFailure("crash round " + (r + 1) + " of " + crashRounds + " (" + kind.label() + ")", e);
                }
                tempsLeft += result.tempsLeft();
                spillsLeft += result.spillLeft() ? 1 : 0;
                crashes.merge(kind.label() + " " + result.outcome().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                deleteTree(roundDir);
                if ((r + 1) % 20 == 0) {
                    progress("crash round " + (r + 1), t0);
                }
            }
            progress("crash rounds", t0);

            // concurrency: at least one pair per ten rounds, cycling over the pairs
            int pairs = Math.max(Concurrency.PAIRS.size(), ceilDiv(rounds, 10));
            int busy = 0;
            Path pairDb = null;
            Map<String, Integer> pairKinds = new TreeMap<>();
            for (int r = 0; r < pairs; r++) {
                String pair = Concurrency.PAIRS.get(r % Concurrency.PAIRS.size());
                if (r % Concurrency.PAIRS.size() == 0) { // a fresh database per cycle keeps infer quick
                    if (pairDb != null) {
                        deleteTree(pairDb.getParent());
                    }
                    pairDb = Concurrency.seeded(dir.resolve("pairs-" + (r / Concurrency.PAIRS.size() + 1)), rnd, 2000);
                }
                try {
                    busy += Concurrency.pair(pairDb.getParent(), pairDb, rnd, pair, 5000);
                } catch (AssertionError e) {
                    throw new RoundFailure("concurrent pair " + (r + 1) + " of " + pairs + " (" + pair + ")", e);
                }
                pairKinds.merge(pair, 1, Integer::sum);
                if ((r + 1) % 20 == 0) {
                    progress("concurrent pair " + (r + 1), t0);
                }
            }
            progress("concurrent pairs", t0);

            // damage
            Path good = dir.resolve("good.duckdb");
            Path input = Children.events(dir, "dmg.jsonl", rnd, 3000);
            require(CliRun.withDb(good).run("ingest", input.toString()));
            require(CliRun.withDb(good).run("infer"));
            for (Damage.Kind kind : Damage.Kind.values()) {
                Damage.check(dir, good, input, kind, rnd);
            }
            String fullDisk;
            Damage.FullDisk disk = Damage.FullDisk.mount(dir.resolve("small"));
            if (disk == null) {
                fullDisk = "skipped (cannot mount a tmpfs here; needs root)";
            } else {
                try {
                    List<String> problems = Damage.fullDisk(dir, disk, rnd);
                    if (!problems.isEmpty()) {
                        throw new AssertionError("full disk: " + problems);
                    }
                    fullDisk = "ingest and infer on a full 2 MiB tmpfs: clear message, nothing written";
                } finally {
                    disk.close();
                }
            }
            progress("damage", t0);

            // privacy sweep
            Path privacy = Files.createDirectories(dir.resolve("privacy"));
            List<String> hits = PrivacySweep.run(privacy, rnd, Math.max(200, rounds * 2));
            progress("privacy sweep", t0);

            int fuzzLines = inputs.entrySet().stream().filter(e -> Fuzz.KINDS.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
            table.put("seed", Long.toString(seed));
            table.put("fuzz rounds", rounds + " (" + lines + " lines each, " + fuzzLines + " lines)");
            inputs.forEach((k, v) -> table.put("inputs tried: " + k, Integer.toString(v)));
            table.put("crash rounds", crashRounds + " (first ingest, ingest, infer x SIGKILL, SIGTERM, SIGINT)");
            crashes.forEach((k, v) -> table.put("crashes survived: " + k, Integer.toString(v)));
            table.put("crashes that left the spill directory (the next command removed it)", Integer.toString(spillsLeft));
            table.put("temporary files left by SIGKILL (nothing runs then)", Integer.toString(tempsLeft));
            table.put("concurrent pairs", Integer.toString(pairs));
            pairKinds.forEach((k, v) -> table.put("concurrent pairs tried: " + k, Integer.toString(v)));
            table.put("concurrent runs that got exit 4 (retried, fine)", Integer.toString(busy));
            table.put("damaged database files refused (exit 4, untouched)", Integer.toString(Damage.Kind.values().length));
            table.put("read-only directory", Damage.isRoot() ? "skipped (running as root)" : "not run here (see DamageTest)");
            table.put("full disk", fullDisk);
            table.put("secrets found", Integer.toString(hits.size()));
            table.put("events lost", "0");
            table.put("time", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9));
            int width = table.keySet().stream().mapToInt(String::length).max().orElse(10);
            System.out.printf("| %-" + width + "s | %s |%n", "what", "count");
            System.out.printf("|%s|%s|%n", "-".repeat(width + 2), "-".repeat(8));
            table.forEach((k, v) -> System.out.printf("| %-" + width + "s | %s |%n", k, v));
            if (!hits.isEmpty()) {
                System.err.println("secrets found: " + hits);
                System.exit(1);
            }
            deleteTree(dir);
        } catch (RoundFailure e) {
            System.err.println("torture FAILED in " + e.getMessage() + "\n  (files kept in " + dir + ")");
            System.exit(1);
        } catch (Throwable e) {
            System.err.println("torture FAILED (files kept in " + dir + "): " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** A failed check of a numbered round: says which round and kind, then what failed (the cause's message). */
    private static final class RoundFailure extends RuntimeException {
        RoundFailure(String round, AssertionError cause) {
            super(round + ": " + cause.getMessage(), cause);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void require(CliRun.Result r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("setup failed: " + r);
        }
    }

    private static void progress(String what, long t0) {
        System.err.printf(Locale.ROOT, "torture: %s done at %.0f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static void deleteTree(Path dir) throws Exception {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
