package dev.clianalytics.ingest;

/** Receives progress while a run reads its files; the command draws it, ingest never prints. */
public interface IngestProgress {
    IngestProgress NONE = (file, fraction, bytesDone, bytesTotal, linesDone) -> {};

    /** What a run does, in order: reading comes with {@link #update}, the others with {@link #phase}. */
    enum Phase {
        /** Reading, validating and sanitizing every line (most of the time). */
        READING,
        /** Looking for duplicates, conflicts and rejects among the lines read. */
        CHECKING,
        /** Writing the events into the database. */
        WRITING,
        /** Making the run durable. */
        COMMITTING
    }

    /**
     * While reading.
     *
     * @param file the file being read
     * @param fraction how much of that file is done, 0..1 (estimated by DuckDB)
     * @param bytesDone bytes of all inputs done so far (estimated)
     * @param bytesTotal bytes of all inputs
     * @param linesDone lines of this file read so far (as DuckDB counts them), or -1
     */
    void update(InputFile file, double fraction, long bytesDone, long bytesTotal, long linesDone);

    /**
     * After reading: the run is in {@code phase}, of which {@code fraction} is done (the
     * database's estimate for its main statement, 0..1), or -1 when that is not known.
     */
    default void phase(Phase phase, double fraction) {
    }
}
