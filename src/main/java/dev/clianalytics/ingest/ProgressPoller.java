package dev.clianalytics.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches how far the database has read the file being loaded, a few times a second. DuckDB
 * reads a file sequentially through its own descriptor, so on Linux the descriptor's position
 * (/proc/self/fdinfo) is the progress; the content hash reads the same file through another
 * descriptor, usually ahead, so the smallest position is taken. Elsewhere only the end is known.
 */
final class ProgressPoller implements AutoCloseable {
    private static final Path FDS = Path.of("/proc/self/fd");
    private final ScheduledExecutorService timer;

    private ProgressPoller(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ProgressPoller start(InputFile file, long before, long total, IngestProgress progress) {
        if (progress == IngestProgress.NONE) {
            return new ProgressPoller(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-progress");
            t.setDaemon(true);
            return t;
        });
        Path target = realPath(file.readPath());
        long size = sizeOf(file.readPath());
        timer.scheduleAtFixedRate(() -> {
            try {
                long pos = Math.min(position(target), size);
                double fraction = size == 0 ? 0 : (double) pos / size;
                long lines = file.bytesPerLine() > 0 ? (long) (pos / file.bytesPerLine()) : -1;
                progress.update(file, fraction, before + (long) (fraction * file.bytes()), total, lines);
            } catch (RuntimeException ignored) {
                // progress is a nicety: a failed poll must never disturb the load
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return new ProgressPoller(timer);
    }

    /** The smallest read position among this process's descriptors open on the file, 0 if none. */
    private static long position(Path target) {
        if (target == null || !Files.isDirectory(FDS)) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        try (Stream<Path> fds = Files.list(FDS)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (target.equals(Files.readSymbolicLink(fd))) {
                        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))) {
                            if (line.startsWith("pos:")) {
                                min = Math.min(min, Long.parseLong(line.substring(4).strip()));
                            }
                        }
                    }
                } catch (IOException | NumberFormatException closedMeanwhile) {
                    // descriptors come and go while we look
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
