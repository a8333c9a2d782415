package dev.clianalytics.reliability;

import dev.clianalytics.ingest.PlantedSecretsTest;
import dev.clianalytics.support.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Plants secrets and raw ids (PlantedSecretsTest's lists) in ACCEPTED lines, runs ingest, infer,
 * every report in every format and every export format, then scans the database file, its WAL,
 * every exported file, stdout and stderr for every planted string.
 */
final class PrivacySweep {
    static final List<String> REPORT_FORMATS = List.of("table", "json", "csv", "markdown");
    static final List<String> EXPORT_FORMATS = List.of("csv", "json", "parquet");

    /** A positional argument and a flag name of one actor: held back as tokens (docs/ingest.md, "Rare words held back"). */
    static final List<String> RARE = List.of("customer-acme-prod-db", "--customer-zebra");

    /** The reports beyond summary, hot-paths and workflow, each in table and json. */
    static final List<List<String>> MORE_REPORTS = List.of(List.of("errors"), List.of("trends"), List.of("variants"),
            List.of("versions"), List.of("graph"), List.of("funnel"), List.of("privacy"));

    private PrivacySweep() {}

    static List<String> planted(List<String> roundWords) {
        List<String> all = new ArrayList<>(PlantedSecretsTest.SECRETS);
        all.addAll(PlantedSecretsTest.RAW);
        all.addAll(RARE);
        all.addAll(roundWords);
        return all;
    }

    /**
     * A positional argument and a flag name made for this round (a fixed word could be known to the
     * rules by chance; random ones of one actor never are).
     */
    static List<String> roundWords(Random rnd) {
        StringBuilder word = new StringBuilder("acct-");
        StringBuilder flag = new StringBuilder("--tenant-");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + rnd.nextInt(26)));
            flag.append((char) ('a' + rnd.nextInt(26)));
        }
        return List.of(word.toString(), flag.toString());
    }

    /** Lines that are all accepted, each carrying every secret in every free-text place and the round's words. */
    static List<String> lines(Random rnd, int n, List<String> roundWords) {
        List<String> lines = new ArrayList<>();
        List<String> secrets = PlantedSecretsTest.SECRETS;
        for (int i = 0; i < n; i++) {
            String s = secrets.get(rnd.nextInt(secrets.size())).replace("\\", "\\\\");
            String leaf = List.of("init", "plan", "apply", "deploy").get(rnd.nextInt(4));
            lines.add("{\"timestamp\":\"2026-03-01T10:" + String.format("%02d", i % 60) + ":00Z\",\"tool_name\":\"deploy\","
                    + "\"command_path\":[\"deploy\",\"" + leaf + "\",\"" + s + "\",\"customer-acme-prod-db\",\""
                    + roundWords.get(0) + "\"],\"flags_present\":[\"--customer-zebra\",\"" + roundWords.get(1) + "\",\"--token=" + s
                    + "\",\"--target=SuperSecretFlagValue\"],\"exit_code\":" + rnd.nextInt(2) + ",\"error_type\":\"failed with " + s
                    + "\",\"actor_id\":\"actor-raw-id-frank\",\"machine_id\":\"machine-raw-id-serial-0042\","
                    + "\"session_hint\":\"hint-raw-ci-run-777\",\"tool_version\":\"1.0\",\"sequence\":" + i + ",\"note\":\"" + s + "\","
                    + "\"error_source\":\"" + s + "\",\"http_status\":\"" + s + "\"}");
        }
        return lines;
    }

    /** Runs everything and returns each hit as "where: what" (empty when nothing leaked). */
    static List<String> run(Path dir, Random rnd, int events) throws IOException {
        Path input = dir.resolve("planted.jsonl");
        List<String> roundWords = roundWords(rnd);
        Files.writeString(input, String.join("\n", lines(rnd, events, roundWords)) + "\n", StandardCharsets.UTF_8);
        Path db = dir.resolve("planted.duckdb");
        Path exports = dir.resolve("exports");
        StringBuilder output = new StringBuilder();
        List<CliRun.Result> results = new ArrayList<>();
        results.add(CliRun.withDb(db).env("CLI_ANALYTICS_REVEAL_AT", null).run("-v", "ingest", input.toString()));
        results.add(CliRun.withDb(db).run("-v", "infer"));
        for (String format : REPORT_FORMATS) {
            results.add(CliRun.withDb(db).run("report", "summary", "--format", format));
            results.add(CliRun.withDb(db).run("report", "hot-paths", "--format", format));
            results.add(CliRun.withDb(db).run("report", "workflow", "deploy_workflow", "--format", format));
            results.add(CliRun.withDb(db).run("report", "workflow", "actor-raw-id-frank", "--format", format));
        }
        for (List<String> report : MORE_REPORTS) {
            for (String format : List.of("table", "json")) {
                List<String> args = new ArrayList<>(List.of("report"));
                args.addAll(report);
                args.addAll(List.of("--format", format));
                results.add(CliRun.withDb(db).run(args.toArray(String[]::new)));
            }
        }
        Path html = dir.resolve("exports").resolve("report.html");
        Files.createDirectories(html.getParent());
        results.add(CliRun.withDb(db).run("report", "html", "--min-cohort", "1", "--output", html.toString()));
        for (String format : EXPORT_FORMATS) {
            results.add(CliRun.withDb(db).run("export", "--to", exports.resolve(format).toString(), "--format", format));
        }
        List<String> hits = new ArrayList<>();
        for (CliRun.Result r : results) {
            boolean unknownName = r.args().contains("actor-raw-id-frank");
            if (r.exitCode() != 0 && !unknownName) {
                hits.add("command failed: " + r);
            }
            // the unknown workflow name is the user's own argument, echoed back by design
            output.append(unknownName ? r.out() : r.out() + r.err());
        }
        List<Path> files = new ArrayList<>(List.of(db));
        Path wal = dir.resolve("planted.duckdb.wal");
        if (Files.exists(wal)) {
            files.add(wal);
        }
        try (Stream<Path> s = Files.walk(exports)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : planted(roundWords)) {
                if (bytes.contains(secret)) {
                    hits.add(dir.relativize(f) + ": " + secret);
                }
            }
        }
        for (String secret : planted(roundWords)) {
            if (output.indexOf(secret) >= 0) {
                hits.add("stdout/stderr: " + secret);
            }
        }
        return hits;
    }
}
