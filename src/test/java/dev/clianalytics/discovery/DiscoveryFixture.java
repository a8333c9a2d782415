package dev.clianalytics.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.support.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * discovery/runs.jsonl ingested and inferred as of 12:00: seven apply_workflow runs of every
 * outcome, with a retried plan (ann, cat), single-step runs (dan, eve) and a flagged plan (ben).
 */
final class DiscoveryFixture {
    private DiscoveryFixture() {}

    static Path create(Path dir) throws IOException {
        Path jsonl = dir.resolve("runs.jsonl");
        try (InputStream in = DiscoveryFixture.class.getClassLoader().getResourceAsStream("discovery/runs.jsonl")) {
            Files.copy(in, jsonl);
        }
        Path db = dir.resolve("discovery.duckdb");
        for (List<String> args : List.of(List.of("ingest", jsonl.toString()),
                List.of("infer", "--as-of", "2026-03-01T12:00:00Z"))) {
            CliRun.Result r = CliRun.withDb(db).run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        return db;
    }

    /** The CSV rows of one section of a report run on db, without the header. */
    static List<String> csv(Path db, String section, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--format";
        all[args.length + 1] = "csv";
        CliRun.Result r = CliRun.withDb(db).run(all);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out().lines().filter(l -> l.startsWith(section + ",")).toList();
    }
}
