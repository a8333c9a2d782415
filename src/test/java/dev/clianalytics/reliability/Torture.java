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
 * seed. {@code --rounds N}: N fuzz rounds, N/20 crash rounds (ingest and infer, SIGKILL and
 * Ctrl-C), N/50 concurrent pairs, the hostile corpus, damaged files, a full disk and the privacy
 * sweep. Prints a table; exits 1 at the first failure (with what it was doing).
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

            // crashes
            int crashRounds = Math.max(4, rounds / 20);
            Map<String, Integer> crashes = new TreeMap<>();
            Path crashDb = dir.resolve("crash.duckdb");
            require(CliRun.withDb(crashDb).run("ingest", Crashes.events(dir, "seed.jsonl", rnd, 20_000).toString()));
            require(CliRun.withDb(crashDb).run("infer"));
            for (int r = 0; r < crashRounds; r++) {
                String signal = (r / 2) % 4 == 3 ? "INT" : "KILL"; // ingest and infer each: 3 SIGKILL, then 1 Ctrl-C
                boolean ingest = r % 2 == 0;
                Crashes.Outcome o = ingest
                        ? Crashes.ingestRound(dir, crashDb, rnd, signal, 60_000, 2000)
                        : Crashes.inferRound(dir, crashDb, rnd, signal, 1500);
                crashes.merge((ingest ? "ingest " : "infer ") + "SIG" + signal + " " + o.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            progress("crash rounds", t0);

            // concurrency
            int pairs = Math.max(3, rounds / 50);
            int busy = 0;
            Path pairDb = dir.resolve("pairs.duckdb");
            require(CliRun.withDb(pairDb).run("ingest", Crashes.events(dir, "pseed.jsonl", rnd, 2000).toString()));
            require(CliRun.withDb(pairDb).run("infer"));
            Map<String, Integer> pairKinds = new TreeMap<>();
            for (int r = 0; r < pairs; r++) {
                String pair = Concurrency.PAIRS.get(r % Concurrency.PAIRS.size());
                busy += Concurrency.pair(dir, pairDb, rnd, pair, 5000);
                pairKinds.merge(pair, 1, Integer::sum);
            }
            progress("concurrent pairs", t0);

            // damage
            Path good = dir.resolve("good.duckdb");
            Path input = Crashes.events(dir, "dmg.jsonl", rnd, 3000);
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
            crashes.forEach((k, v) -> table.put("crashes survived: " + k, Integer.toString(v)));
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
        } catch (Throwable e) {
            System.err.println("torture FAILED (files kept in " + dir + "): " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
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
