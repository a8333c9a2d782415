package dev.clianalytics.spark;

import dev.clianalytics.ingest.formats.FormatConfig;
import dev.clianalytics.ingest.sanitize.FlowEvents;
import dev.clianalytics.ingest.sanitize.IdHasher;
import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * The job's staging (docs/scale.md, "Spark job"): every line of every file through the privacy rules
 * ingest uses (NativeLines, one per task, each file read whole by one task, in order), with the
 * rare-word rule in two passes so that no raw word leaves a task, and each file's size and SHA-256.
 *
 * @param base the staged rows as the tasks wrote them, kept (memory and disk) for the steps that read them
 * @param held tokens held back (seen from fewer than k actors)
 * @param revealed tokens that reached k and are stored as their words
 * @param staged the staged rows with their exact positions (a file's lines after a line of more than
 *     4,096 events moved up, as IngestPositions does)
 */
record JobStaging(Dataset<Row> base, long held, long revealed, CollectionAccumulator<FileLines.FileDigest> digests,
        int files, Dataset<Row> staged) {
    private static final StructType DIGESTS = new StructType()
            .add("file_index", DataTypes.IntegerType, false).add("file", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false).add("content_sha256", DataTypes.StringType, false);

    /**
     * The rare-word rule's settings as the tasks get them: k, the known words and the tokens to put
     * back in clear (tokens only: the words they stand for are never sent anywhere).
     */
    record Words(int k, Set<String> known, Set<String> revealedTokens) implements Serializable {
        WordGate gate(byte[] key) {
            return k <= 1 ? WordGate.OFF : WordGate.revealing(key, k, known, revealedTokens);
        }
    }

    /** What every task needs: each file's index (its ingest order), the salt's two secrets, where digests go. */
    private record Task(Map<String, Integer> index, byte[] key, String secret, String format, FormatConfig formats,
            CollectionAccumulator<FileLines.FileDigest> digests) implements Serializable {}

    /**
     * Stages the files (in path order). The rare-word rule in two passes: the first gives every word
     * that is not known its token, and the distinct actors of each token are counted (tokens and actor
     * hashes are all that is shuffled); the second stages again, putting back in clear the words
     * whose token reached k (the driver holds those tokens, never a word). With the rule off, or
     * nothing to reveal, the first pass is the staging.
     */
    static JobStaging run(SparkSession spark, List<String> files, JobOptions options) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            index.put(files.get(i), i);
        }
        CollectionAccumulator<FileLines.FileDigest> digests = spark.sparkContext().collectionAccumulator("file digests");
        Task task = new Task(index, options.salt().hmacKey(), options.salt().eventKeySecretHex(), options.format(),
                options.formats(), digests);
        String paths = String.join(",", files);
        Dataset<Row> staged = staged(spark, jsc, paths, files.size(), task,
                new Words(options.revealAt(), options.knownWords(), Set.of()));
        if (options.revealAt() <= 1) {
            return new JobStaging(staged, 0, 0, digests, files.size(), positioned(staged));
        }
        staged.createOrReplaceTempView("first_pass");
        Dataset<Row> counted = spark.sql(SparkJob.sql("spark_word_actors.sql")
                .replace("${k}", Integer.toString(options.revealAt()))).persist(StorageLevel.MEMORY_AND_DISK());
        long held = counted.filter("NOT revealed").count();
        Set<String> revealed = new HashSet<>(counted.filter("revealed").select("token").as(Encoders.STRING()).collectAsList());
        counted.unpersist();
        if (revealed.isEmpty()) {
            return new JobStaging(staged, held, 0, digests, files.size(), positioned(staged));
        }
        staged.unpersist();
        Dataset<Row> second = staged(spark, jsc, paths, files.size(), task,
                new Words(options.revealAt(), options.knownWords(), Set.copyOf(revealed)));
        return new JobStaging(second, held, revealed.size(), digests, files.size(), positioned(second));
    }

    /** Frees the staged rows kept. */
    void unpersist() {
        base.unpersist();
    }

    /**
     * The rows with ingest's exact positions (IngestPositions, stg_overflow.sql): a line whose events
     * (command and flow events share the positions) pass its share of 4,096 moves every later line of
     * its file up by the surplus. Such lines are rare (a batch body of that many events): they are
     * collected to the driver and the move written in as one expression; without one, the rows as staged.
     */
    private static Dataset<Row> positioned(Dataset<Row> staged) {
        List<Row> over = staged.filter("kind IN ('event', 'flow')").groupBy("file_index", "line_no")
                .agg(org.apache.spark.sql.functions.max("index_in_line").as("last"))
                .filter("last >= " + StagedRows.LINE_SHARE).orderBy("file_index", "line_no").collectAsList();
        if (over.isEmpty()) {
            return staged;
        }
        // per file, the lines after each overflowing line move by the surplus of it and the earlier ones
        Map<Integer, List<long[]>> byFile = new TreeMap<>();
        for (Row r : over) {
            List<long[]> lines = byFile.computeIfAbsent(r.getInt(0), f -> new ArrayList<>());
            long through = (lines.isEmpty() ? 0 : lines.get(lines.size() - 1)[1]) + r.getInt(2) + 1 - StagedRows.LINE_SHARE;
            lines.add(new long[] {r.getLong(1), through});
        }
        StringBuilder move = new StringBuilder("CASE");
        byFile.forEach((file, lines) -> {
            for (int k = lines.size() - 1; k >= 0; k--) {
                move.append(" WHEN file_index = ").append(file).append(" AND line_no > ").append(lines.get(k)[0])
                        .append(" THEN ").append(lines.get(k)[1]);
            }
        });
        return staged.withColumn("ingest_seq", org.apache.spark.sql.functions.expr("ingest_seq + " + move + " ELSE 0 END"));
    }

    /**
     * Each file's index, path, size and SHA-256 as read, once the staging has read every file (after
     * the first table is written). A task run again reports its file again, with the same values.
     */
    Dataset<Row> fileDigests(SparkSession spark) {
        Map<Integer, FileLines.FileDigest> byIndex = new TreeMap<>();
        for (FileLines.FileDigest d : digests.value()) {
            byIndex.put(d.fileIndex(), d);
        }
        if (byIndex.size() != files) {
            throw new IllegalStateException("read " + byIndex.size() + " of " + files + " input files to their end");
        }
        List<Row> rows = new ArrayList<>();
        byIndex.values().forEach(d -> rows.add(RowFactory.create(d.fileIndex(), d.file(), d.bytes(), d.sha256())));
        return spark.createDataFrame(rows, DIGESTS);
    }

    /** Every line of the input staged (StagedRows), kept for the steps that read it. */
    private static Dataset<Row> staged(SparkSession spark, JavaSparkContext jsc, String paths, int files, Task task,
            Words words) {
        Broadcast<Words> shared = jsc.broadcast(words);
        JavaRDD<Row> rows = jsc.binaryFiles(paths, files).mapPartitions(part -> stage(part, task, shared.value()));
        return spark.createDataFrame(rows, StagedRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Every line of the partition's files, staged by one NativeLines (it keeps per-thread caches), the
     * PostHog and Segment lines of each file read by its own readers (ForeignLines), whose command
     * events a second NativeLines stages as native lines, under the same rare-word gate (as ingest).
     */
    private static Iterator<Row> stage(Iterator<Tuple2<String, PortableDataStream>> files, Task task, Words words) {
        WordGate gate = words.gate(task.key());
        NativeLines parser = new NativeLines(task.format(), task.key(), task.secret()).withGate(gate);
        NativeLines natives = new NativeLines("native", task.key(), task.secret()).withGate(gate);
        IdHasher ids = new IdHasher(task.key());
        FlowEvents flows = new FlowEvents(task.key(), task.secret());
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    Tuple2<String, PortableDataStream> f = files.next();
                    Integer i = task.index().get(f._1());
                    if (i == null) {
                        throw new IllegalStateException("input file " + f._1() + " was not listed by the driver");
                    }
                    try {
                        ForeignLines foreign = new ForeignLines(f._1(), i, task.formats(), natives, ids, flows);
                        current = new FileLines(f._2().open(), f._1(), i, parser, foreign, task.digests()::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read input file " + f._1(), e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                hasNext();
                return current.next();
            }
        };
    }
}
