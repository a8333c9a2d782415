package dev.clianalytics.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Identity stitching in the job, as int_actor_identity.sql (specification §5.1): actor hashes that
 * actor_links connects, directly or through others, are one person, and every hash of a connected
 * group maps to the group's smallest. Infer walks the links with a recursive query; Spark 4.0 has
 * none, so the job propagates the smallest hash along the links until no hash changes (as many rounds
 * as the longest chain of links, plus one): the same groups, the same smallest hash.
 */
final class Identity {
    /** More rounds than any real chain of aliases needs; a job that reaches it fails rather than stitch wrongly. */
    static final int MAX_ROUNDS = 1000;

    private Identity() {}

    /**
     * TEMP VIEW identity (actor_hash, canonical_hash) from TEMP VIEW {@code links} (actor_hash,
     * linked_hash): one row per linked hash; hashes without links are absent and stand for themselves.
     */
    static void stitch(SparkSession spark, String links) {
        spark.sql("SELECT actor_hash AS a, linked_hash AS b FROM " + links
                + " UNION SELECT linked_hash, actor_hash FROM " + links).createOrReplaceTempView("identity_edges");
        Dataset<Row> labels = spark.sql("SELECT a AS actor_hash, least(a, min(b)) AS canonical_hash FROM identity_edges"
                + " GROUP BY a").persist(StorageLevel.MEMORY_AND_DISK());
        for (int round = 1; ; round++) {
            labels.createOrReplaceTempView("identity_labels");
            // each hash takes the smallest label among its own and its neighbours'
            Dataset<Row> next = spark.sql("SELECT l.actor_hash, least(l.canonical_hash, min(n.canonical_hash)) AS canonical_hash"
                    + " FROM identity_labels AS l JOIN identity_edges AS e ON e.a = l.actor_hash"
                    + " JOIN identity_labels AS n ON n.actor_hash = e.b GROUP BY l.actor_hash, l.canonical_hash")
                    .localCheckpoint();
            next.createOrReplaceTempView("identity_next");
            long changed = spark.sql("SELECT count(*) FROM identity_next AS x JOIN identity_labels AS l"
                    + " ON l.actor_hash = x.actor_hash WHERE x.canonical_hash <> l.canonical_hash").first().getLong(0);
            labels.unpersist();
            labels = next;
            if (changed == 0) {
                break;
            }
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("identity links still changing after " + MAX_ROUNDS + " rounds");
            }
        }
        labels.createOrReplaceTempView("identity");
    }
}
