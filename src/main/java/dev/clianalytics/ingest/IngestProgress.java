package dev.clianalytics.ingest;

/** Receives progress while a run reads its files; the command draws it, ingest never prints. */
public interface IngestProgress {
    IngestProgress NONE = (file, fraction, bytesDone, bytesTotal, linesDone) -> {};

    /**
     * @param file the file being read
     * @param fraction how much of that file is done, 0..1 (estimated by DuckDB)
     * @param bytesDone bytes of all inputs done so far (estimated)
     * @param bytesTotal bytes of all inputs
     * @param linesDone lines of this file read so far (as DuckDB counts them), or -1
     */
    void update(InputFile file, double fraction, long bytesDone, long bytesTotal, long linesDone);
}
