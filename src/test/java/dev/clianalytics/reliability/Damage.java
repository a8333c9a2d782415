package dev.clianalytics.reliability;

import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Damaged database files, full disks: what the user sees, and that nothing of theirs is touched. */
final class Damage {
    enum Kind { TRUNCATED, OVERWRITTEN_MIDDLE, ZEROED_HEADER, REPLACED_BY_TEXT, EMPTY }

    private Damage() {}

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Copies {@code good}, damages the copy, runs ingest, infer and report on it. */
    static void check(Path dir, Path good, Path input, Kind kind, Random rnd) throws Exception {
        Path db = dir.resolve("damaged-" + kind.name().toLowerCase() + ".duckdb");
        Files.copy(good, db, StandardCopyOption.REPLACE_EXISTING);
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            switch (kind) {
                case TRUNCATED -> f.setLength(size / 2);
                case OVERWRITTEN_MIDDLE -> {
                    byte[] junk = new byte[64 * 1024];
                    rnd.nextBytes(junk);
                    f.seek(12288);
                    f.write(junk);
                }
                case ZEROED_HEADER -> f.write(new byte[4096]);
                case REPLACED_BY_TEXT -> {
                    f.setLength(0);
                    f.write("not a database\n".getBytes());
                }
                case EMPTY -> f.setLength(0);
                default -> throw new IllegalStateException();
            }
        }
        String dbHash = HostileInputTest.sha256(db);
        String inputHash = HostileInputTest.sha256(input);
        for (String[] cmd : List.of(new String[] {"ingest", input.toString()}, new String[] {"infer"},
                new String[] {"report", "summary"}, new String[] {"export", "--to", dir.resolve("x-" + kind).toString()})) {
            CliRun.Result r = CliRun.withDb(db).run(cmd);
            String context = kind + ": " + r;
            Hostile.assertClean(r, context);
            if (r.exitCode() != 4 || !r.err().startsWith("error: ") || !r.err().contains(db.toString())
                    || r.err().strip().contains("\n")) {
                throw new AssertionError("a damaged database must give exit 4 and one line naming it: " + context);
            }
        }
        if (!HostileInputTest.sha256(db).equals(dbHash) || !HostileInputTest.sha256(input).equals(inputHash)) {
            throw new AssertionError(kind + ": the damaged database or the input file was modified");
        }
    }

    /** A 2 MiB tmpfs, mounted for the test and unmounted after; null where mounting is not possible. */
    record FullDisk(Path mountPoint) implements AutoCloseable {
        static FullDisk mount(Path at) throws IOException, InterruptedException {
            Files.createDirectories(at);
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? new FullDisk(at) : null;
        }

        void fill(long leave) throws IOException {
            Path filler = mountPoint.resolve("filler");
            Files.deleteIfExists(filler);
            long free = Files.getFileStore(mountPoint).getUsableSpace();
            Files.write(filler, new byte[(int) Math.max(0, free - leave)]);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Ingest, then infer, on a disk that fills up: each fails with the no-space message, state kept; returns problems. */
    static List<String> fullDisk(Path dir, FullDisk disk, Random rnd) throws Exception {
        List<String> problems = new ArrayList<>();
        Path input = Children.events(dir, "full-in.jsonl", rnd, 2000);
        String inputHash = HostileInputTest.sha256(input);
        Path db = disk.mountPoint().resolve("full.duckdb");
        disk.fill(300 * 1024);
        CliRun.Result r = CliRun.withDb(db).run("ingest", input.toString());
        Hostile.assertClean(r, r.toString());
        if (r.exitCode() != 1 || !r.err().contains("no space left on the device holding " + db)
                || !r.err().contains("nothing was written")) {
            problems.add("ingest on a full disk: " + r);
        }
        Files.delete(disk.mountPoint().resolve("filler"));
        CliRun.Result ok = CliRun.withDb(db).run("ingest", input.toString());
        if (ok.exitCode() != 0 || !Db.one(db, "SELECT count(*) FROM events").equals("2000")) {
            problems.add("ingest after space was freed: " + ok);
        }
        disk.fill(100 * 1024);
        CliRun.Result infer = CliRun.withDb(db).run("infer");
        Hostile.assertClean(infer, infer.toString());
        if (infer.exitCode() == 0) {
            problems.add("infer succeeded on a full disk (it should need space): " + infer);
        } else if (infer.exitCode() != 1 || !infer.err().contains("no space left on the device holding " + db)) {
            problems.add("infer on a full disk: " + infer);
        }
        Files.delete(disk.mountPoint().resolve("filler"));
        if (!HostileInputTest.sha256(input).equals(inputHash)) {
            problems.add("the input file was modified");
        }
        return problems;
    }
}
