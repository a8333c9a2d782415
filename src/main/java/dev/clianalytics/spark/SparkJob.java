package dev.clianalytics.spark;

import dev.clianalytics.ingest.sanitize.NativeLines;
import dev.clianalytics.ingest.sanitize.WordGate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The Spark application (docs/scale.md, "Spark job"): reads JSON lines (gzip or not; native,
 * PostHog and Segment) from any Hadoop path, stages every line with the privacy rules and readers
 * ingest uses (JobStaging: NativeLines and the format readers per task, the rare-word rule in two
 * passes), stitches identities (Identity), infers with the settings infer would use
 * (JobOptions, JobSettings), and writes the events, sessions, workflow_runs, workflow_step_rows and
 * workflow_step_triples tables and the run records ingest_runs and infer_runs as Parquet, each in its
 * folder under OUTPUT, and the rejected lines (file, line, reason) as JSON lines under OUTPUT/rejects.
 * Timestamps are TIMESTAMP_MICROS, UTC.
 */
public final class SparkJob {
    private SparkJob() {}

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), new java.io.PrintWriter(System.err, true))); // the job's one console
    }

    /**
     * Runs the job, telling {@code err} what it did or what was wrong; the exit code: 0, 2 for a usage
     * error, 3 when more lines were rejected than --max-rejects allows (nothing written), 1 when the
     * job failed (the cause's message; its stack trace only with {@code --verbose}).
     */
    static int execute(String[] args, Map<String, String> env, java.io.PrintWriter err) {
        SparkSession spark = null;
        List<String> given = new ArrayList<>(List.of(args));
        boolean verbose = given.remove("--verbose");
        try {
            JobOptions options = JobOptions.parse(given.toArray(String[]::new), env);
            spark = SparkSession.builder().appName("cli-analytics")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    .getOrCreate();
            run(spark, options, err);
            return 0;
        } catch (JobOptions.UsageException e) {
            err.println("cli-analytics-spark: " + e.getMessage());
            return 2;
        } catch (TooManyRejects e) {
            err.println("cli-analytics-spark: " + e.getMessage());
            return 3;
        } catch (NoClassDefFoundError e) {
            if (e.getMessage() == null || !(e.getMessage().contains("yaml") || e.getMessage().contains("YAML"))) {
                throw e;
            }
            // the settings are YAML: a Spark without Jackson's YAML module cannot read them
            err.println("cli-analytics-spark: this Spark has no Jackson YAML module (" + e.getMessage() + "), which the"
                    + " job reads its settings with; add --packages com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:"
                    + "VERSION, VERSION being the jackson-databind version of the cluster's Spark");
            return 1;
        } catch (Exception e) { // Spark throws its SparkException, a checked one, undeclared
            err.println("cli-analytics-spark: failed: " + failure(e) + (verbose ? "" : " (--verbose prints the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    /**
     * What failed, in words: a task's failure reaches the driver wrapped in Spark's exceptions; the
     * first cause of ours (or the JDK's) and the cause under it say it, e.g. "cannot read input file
     * F: invalid code lengths set".
     */
    static String failure(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getClass().getName().startsWith("org.apache.spark")) {
            t = t.getCause();
        }
        Throwable under = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return under == null || under.getMessage() == null || message.contains(under.getMessage()) ? message
                : message + ": " + under.getMessage();
    }

    static void run(SparkSession spark, JobOptions options, java.io.PrintWriter err) {
        String started = java.time.Instant.now().toString();
        List<String> files = inputFiles(spark, options.input());
        JobStaging staging = JobStaging.run(spark, files, options);
        Dataset<Row> staged = staging.staged();
        staged.createOrReplaceTempView("staged");
        String out = options.output().endsWith("/") ? options.output() : options.output() + "/";
        view(spark, "spark_lines.sql", "lines");
        if (options.maxRejects() != null) {
            refuseTooManyRejects(spark, options.maxRejects());
        }
        view(spark, "spark_command_events.sql", "command_events");
        spark.sql(sql("spark_events.sql")).write().mode("overwrite").parquet(out + "events");
        view(spark, "spark_command_conflicts.sql", "command_conflicts");
        view(spark, "spark_flows.sql", "flows").persist(StorageLevel.MEMORY_AND_DISK());
        view(spark, "spark_links.sql", "link_calls").persist(StorageLevel.MEMORY_AND_DISK());
        spark.sql(sql("spark_rejects.sql")).coalesce(1).write().mode("overwrite").json(out + "rejects");
        spark.sql(sql("spark_flow_events.sql")).write().mode("overwrite").parquet(out + "flow_events");
        spark.sql(sql("spark_actor_links.sql")).coalesce(1).write().mode("overwrite").parquet(out + "actor_links");
        spark.sql(sql("spark_sign_ins.sql")).coalesce(1).write().mode("overwrite").parquet(out + "sign_ins");
        // the derived tables read the events as written, the rows the database holds
        spark.read().parquet(out + "events").createOrReplaceTempView("events");
        staging.fileDigests(spark).createOrReplaceTempView("file_digests");
        view(spark, "spark_file_counts.sql", "file_counts").persist(StorageLevel.MEMORY_AND_DISK());
        spark.sql(sql("spark_ingest_files.sql")).coalesce(1).write().mode("overwrite").parquet(out + "ingest_files");
        spark.sql(times(sql("spark_ingest_runs.sql"), started)
                        .replace("${words_held_back}", Long.toString(staging.held()))
                        .replace("${words_revealed}", Long.toString(staging.revealed()))
                        .replace("${format}", options.format())).coalesce(1).write().mode("overwrite")
                .parquet(out + "ingest_runs");
        JobSettings settings = new JobSettings(options.settings());
        spark.sql(settings.workflowNamesSql()).createOrReplaceTempView("workflow_names");
        String inferStarted = java.time.Instant.now().toString();
        spark.read().parquet(out + "actor_links").createOrReplaceTempView("actor_links_written");
        spark.read().parquet(out + "sign_ins").createOrReplaceTempView("sign_ins_written");
        Identity.stitch(spark, "actor_links_written");
        view(spark, "spark_actor_machines.sql", "actor_machines").persist(StorageLevel.MEMORY_AND_DISK());
        spark.sql(settings.apply(sql("spark_steps.sql"))).persist(StorageLevel.MEMORY_AND_DISK()).createOrReplaceTempView("steps");
        spark.sql(sql("spark_pair_offsets.sql")).createOrReplaceTempView("pair_offsets");
        spark.sql(sql("spark_sessions.sql")).write().mode("overwrite").parquet(out + "sessions");
        spark.sql(settings.apply(sql("spark_workflow_runs.sql"))).write().mode("overwrite").parquet(out + "workflow_runs");
        spark.read().parquet(out + "workflow_runs").createOrReplaceTempView("runs_written");
        spark.sql(sql("spark_run_steps.sql")).persist(StorageLevel.MEMORY_AND_DISK()).createOrReplaceTempView("run_steps");
        spark.sql(sql("spark_step_rows.sql")).write().mode("overwrite").parquet(out + "workflow_step_rows");
        spark.sql(sql("spark_step_triples.sql")).write().mode("overwrite").parquet(out + "workflow_step_triples");
        spark.read().parquet(out + "sessions").createOrReplaceTempView("sessions_written");
        funnels(spark, settings, out);
        spark.sql(settings.apply(times(sql("spark_infer_runs.sql"), inferStarted))).coalesce(1).write().mode("overwrite")
                .parquet(out + "infer_runs");
        long events = spark.table("events").count();
        long flows = spark.read().parquet(out + "flow_events").count();
        long sessions = spark.read().parquet(out + "sessions").count();
        long runs = spark.read().parquet(out + "workflow_runs").count();
        long rejects = spark.read().json(out + "rejects").count();
        staging.unpersist();
        err.printf("cli-analytics-spark: %d files -> %d events, %d flow events, %d sessions, %d workflow runs,"
                + " %d rejected lines; tables under %s%n", files.size(), events, flows, sessions, runs, rejects, out);
    }

    /**
     * The input files in path order (their ingest order): each comma-separated part of --input a
     * file, a directory (its files, not hidden ones) or a glob; none is an error naming the part.
     */
    static List<String> inputFiles(SparkSession spark, String input) {
        List<String> files = new ArrayList<>();
        try {
            for (String part : input.split(",")) {
                Path p = new Path(part);
                FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
                FileStatus[] matched = fs.globStatus(p);
                if (matched == null || matched.length == 0) {
                    throw new JobOptions.UsageException("input " + part + " (--input) matches no file");
                }
                for (FileStatus s : matched) {
                    if (s.isDirectory()) {
                        for (FileStatus c : fs.listStatus(s.getPath())) {
                            String name = c.getPath().getName();
                            if (c.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                                files.add(c.getPath().toString());
                            }
                        }
                    } else {
                        files.add(s.getPath().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new JobOptions.UsageException("cannot list input " + input + " (--input): " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new JobOptions.UsageException("input " + input + " (--input) holds no file");
        }
        Collections.sort(files);
        return files.stream().distinct().toList();
    }

    /**
     * The funnel tables (docs/funnels.md) with the settings' funnels: funnels and funnel_steps from the
     * settings, funnel_attempts and funnel_drop_off_commands from the flow and command events as written.
     */
    private static void funnels(SparkSession spark, JobSettings settings, String out) {
        spark.sql(settings.funnelsSql()).createOrReplaceTempView("infer_funnels");
        spark.sql(settings.funnelStepsSql()).createOrReplaceTempView("infer_funnel_steps");
        spark.sql("SELECT funnel, position, window_ms, breakdown, builtin, step_count, failure_events FROM infer_funnels")
                .coalesce(1).write().mode("overwrite").parquet(out + "funnels");
        spark.sql("SELECT funnel, step, step_name FROM infer_funnel_steps").coalesce(1).write().mode("overwrite")
                .parquet(out + "funnel_steps");
        spark.read().parquet(out + "flow_events").createOrReplaceTempView("flow_events_written");
        view(spark, "spark_funnel_events.sql", "funnel_events");
        spark.sql(sql("spark_funnel_attempts.sql")).write().mode("overwrite").parquet(out + "funnel_attempts");
        spark.read().parquet(out + "funnel_attempts").createOrReplaceTempView("attempts_written");
        spark.sql(sql("spark_funnel_drop_off.sql")).write().mode("overwrite").parquet(out + "funnel_drop_off_commands");
    }

    /** More lines rejected than --max-rejects allows: the job stops before writing anything, as ingest does (exit 3). */
    static final class TooManyRejects extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRejects(String message) {
            super(message);
        }
    }

    private static void refuseTooManyRejects(SparkSession spark, long max) {
        List<Row> reasons = spark.sql(sql("spark_reject_reasons.sql")).collectAsList();
        long rejected = reasons.stream().mapToLong(r -> r.getLong(1)).sum();
        if (rejected <= max) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Row r : reasons) {
            List<String> first = r.getList(2);
            b.append(b.length() == 0 ? "" : "; ").append(r.getString(0)).append(' ').append(r.getLong(1)).append(" (")
                    .append(String.join(", ", first)).append(r.getLong(1) > first.size() ? ", …" : "").append(')');
        }
        throw new TooManyRejects(rejected + " line" + (rejected == 1 ? "" : "s") + " rejected, more than --max-rejects "
                + max + "; nothing was written (" + b + ")");
    }

    /** The query of SQL resource {@code name} as TEMP VIEW {@code view}. */
    private static Dataset<Row> view(SparkSession spark, String name, String view) {
        Dataset<Row> rows = spark.sql(sql(name));
        rows.createOrReplaceTempView(view);
        return rows;
    }

    /** The SQL with the step's start and this moment written in, as ${started_at} and ${finished_at}. */
    private static String times(String sql, String started) {
        return sql.replace("${started_at}", started).replace("${finished_at}", java.time.Instant.now().toString());
    }

    static String sql(String name) {
        try (InputStream in = SparkJob.class.getResourceAsStream("/sql/spark/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource sql/spark/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
