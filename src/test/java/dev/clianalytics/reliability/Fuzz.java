package dev.clianalytics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One fuzz round: valid native lines, about half of them mutated (byte flips, truncation,
 * splicing, insertions, deletions, repeats), ingested into a fresh database; the {@link Oracle}
 * says which lines are good. Fails unless every good line is stored once, in order, every bad line
 * is reported with its line number and reason, and nothing crashes or prints a stack trace.
 */
final class Fuzz {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALPHABET = "{}[]\",:\\ 0123456789-+.eEtrufalsn\tazAZ_/é中\u0000\u001f\u007f\u2028\u202e\u00ad\ufeff";
    static final List<String> KINDS = List.of("valid", "flip", "truncate", "splice", "insert", "delete", "repeat", "blank");

    private Fuzz() {}

    /** Runs one round in {@code dir}; adds the number of lines tried per kind to {@code tally}. */
    static void round(Path dir, Random rnd, int round, int lines, Map<String, Integer> tally) throws IOException {
        List<String> base = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            base.add(validLine(rnd, round, i));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String kind = rnd.nextBoolean() ? "valid" : KINDS.get(1 + rnd.nextInt(KINDS.size() - 1));
            tally.merge(kind, 1, Integer::sum);
            out.add(mutate(kind, base.get(i), base.get(rnd.nextInt(lines)), out, rnd));
        }
        // a mutation may have inserted nothing that splits lines: the alphabet has no CR or LF
        Path file = dir.resolve("fuzz-" + round + ".jsonl");
        Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        Path rejects = dir.resolve("fuzz-" + round + ".rejects");
        Path db = dir.resolve("fuzz-" + round + ".duckdb");
        CliRun.Result r = CliRun.withDb(db).run("ingest", file.toString(), "--rejects", rejects.toString());
        String context = "round " + round + " (file kept at " + file + ")\n" + r;
        Hostile.assertClean(r, context);
        if (r.exitCode() != 0) {
            throw new AssertionError("ingest failed: " + context);
        }

        List<String> expectedStored = new ArrayList<>();
        List<String> expectedRejects = new ArrayList<>();
        Map<String, String> firstContent = new HashMap<>(); // key -> content of the event stored under it
        for (int i = 0; i < out.size(); i++) {
            Oracle.Verdict v = Oracle.judge(out.get(i));
            if (v.blank()) {
                continue;
            }
            if (v.reason() != null) {
                expectedRejects.add((i + 1) + " " + v.reason());
            } else if (firstContent.putIfAbsent(v.key(), v.content()) == null) {
                expectedStored.add(String.valueOf(v.sequence()));
            } else if (!firstContent.get(v.key()).equals(v.content())) {
                expectedRejects.add((i + 1) + " conflicting_event_id"); // listed with the rejects, not stored
            }
        }
        List<String> stored = Db.rows(db, "SELECT coalesce(sequence::VARCHAR, 'null') FROM events ORDER BY ingest_seq");
        List<String> reported = new ArrayList<>();
        for (String json : Files.readAllLines(rejects, StandardCharsets.UTF_8)) {
            JsonNode n = MAPPER.readTree(json);
            int line = n.get("line").asInt();
            reported.add(line + " " + n.get("reason").asText());
            if (!n.get("text").asText().equals(out.get(line - 1))) {
                throw new AssertionError("rejects file text of line " + line + " is not the line verbatim; " + context);
            }
        }
        if (!stored.equals(expectedStored) || !reported.equals(expectedRejects)) {
            throw new AssertionError("oracle and product disagree in " + context
                    + "\nstored   " + stored + "\nexpected " + expectedStored
                    + "\nrejects  " + reported + "\nexpected " + expectedRejects);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(rejects);
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve(db.getFileName() + ".wal"));
    }

    private static String mutate(String kind, String line, String other, List<String> before, Random rnd) {
        StringBuilder b = new StringBuilder(line);
        int at = rnd.nextInt(line.length());
        switch (kind) {
            case "flip" -> {
                for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                    b.setCharAt(rnd.nextInt(b.length()), ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
            }
            case "truncate" -> b.setLength(at);
            case "splice" -> {
                return line.substring(0, at) + other.substring(rnd.nextInt(other.length()));
            }
            case "insert" -> b.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            case "delete" -> b.deleteCharAt(at);
            case "repeat" -> {
                return before.isEmpty() ? line : before.get(rnd.nextInt(before.size()));
            }
            case "blank" -> {
                return rnd.nextBoolean() ? "" : " \t ";
            }
            default -> { }
        }
        return b.toString();
    }

    private static final String[][] COMMANDS = {
        {"terraform", "init"}, {"terraform", "plan"}, {"terraform", "apply"}, {"docker", "build"},
        {"npm", "test"}, {"kubectl", "rollout", "status"}, {"git", "push", "https://x.example.com/r"}
    };

    /** A valid line, fields in random order, optional fields sometimes present. */
    static String validLine(Random rnd, int round, int i) {
        String[] cmd = COMMANDS[rnd.nextInt(COMMANDS.length)];
        Map<String, String> f = new TreeMap<>();
        f.put("timestamp", "\"2026-03-" + String.format("%02d", 1 + rnd.nextInt(28)) + "T" + String.format("%02d", rnd.nextInt(24))
                + ":" + String.format("%02d", rnd.nextInt(60)) + ":00" + (rnd.nextBoolean() ? "Z" : ".123+02:00") + "\"");
        f.put("tool_name", "\"" + cmd[0] + "\"");
        f.put("command_path", "[\"" + String.join("\",\"", cmd) + "\"]");
        f.put("actor_id", "\"actor-" + rnd.nextInt(5) + "\"");
        f.put("machine_id", "\"machine-" + rnd.nextInt(3) + "\"");
        f.put("sequence", String.valueOf(round * 1000L + i));
        if (rnd.nextInt(5) > 0) {
            f.put("event_id", "\"ev-" + round + "-" + i + "\"");
        }
        if (rnd.nextBoolean()) {
            f.put("exit_code", String.valueOf(rnd.nextInt(3)));
        }
        if (rnd.nextBoolean()) {
            f.put("duration_ms", String.valueOf(rnd.nextInt(100_000)));
        }
        if (rnd.nextBoolean()) {
            f.put("flags_present", "[\"--auto-approve\",\"-v\"]");
        }
        if (rnd.nextBoolean()) {
            f.put("error_type", "\"ConnectionRefused at /home/u/x: ünïcødé\"");
        }
        if (rnd.nextBoolean()) {
            f.put("ci_detected", rnd.nextBoolean() ? "true" : "false");
        }
        if (rnd.nextBoolean()) {
            f.put("tool_version", "\"1.2." + rnd.nextInt(9) + "\"");
        }
        List<String> keys = new ArrayList<>(f.keySet());
        java.util.Collections.shuffle(keys, rnd);
        StringBuilder b = new StringBuilder("{");
        for (String k : keys) {
            b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(f.get(k));
        }
        return b.append('}').toString();
    }
}
