package dev.clianalytics.ingest;

import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.StagedLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The staging's steady-state cost per line on one thread (bench/stage-cost): every line of a file
 * staged (NativeLines) and written as its CSV row (StageRows) in one JVM, several passes, so the
 * later passes show the cost once the JIT has compiled the path. No chunking, reading thread,
 * output file or database: what two workers could reach at best. The digest of the rows lets two
 * builds be compared (the same input must give the same rows). Usage: StageCost FILE.jsonl [PASSES]
 */
public final class StageCost {
    private StageCost() {}

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int lines = 0;
        for (byte b : data) {
            lines += b == '\n' ? 1 : 0;
        }
        int[] starts = new int[lines];
        int[] ends = new int[lines];
        for (int i = 0, n = 0, s = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                starts[n] = s;
                ends[n++] = i;
                s = i + 1;
            }
        }
        byte[] key = new byte[32];
        for (int pass = 1; pass <= passes; pass++) {
            NativeLines parser = new NativeLines("auto", key, "00112233445566778899aabbccddeeff");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StageRows.Buffer rows = new StageRows.Buffer(1 << 20);
            long t0 = System.nanoTime();
            for (int k = 0; k < lines; k++) {
                StagedLine line = parser.stage(data, starts[k], ends[k] - starts[k]);
                StageRows.append(rows, 0, k + 1, line);
                if (rows.size() > (1 << 20) - 4096) {
                    digest.update(rows.toByteArray());
                    rows = new StageRows.Buffer(1 << 20);
                }
            }
            digest.update(rows.toByteArray());
            long t = System.nanoTime() - t0;
            System.out.printf(java.util.Locale.ROOT, "pass %d: %d lines in %.2f s, %.2f µs per line, rows %s%n", pass, lines,
                    t / 1e9, t / 1e3 / lines, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        }
    }
}
