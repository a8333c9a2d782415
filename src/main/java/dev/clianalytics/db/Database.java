package dev.clianalytics.db;

import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.CliAnalyticsException.DatabaseBusy;
import dev.clianalytics.CliAnalyticsException.DatabaseNotOpened;
import dev.clianalytics.CliAnalyticsException.DatabaseUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBDriver;

/**
 * An open cli-analytics database: a DuckDB file whose schema is migrated to this version.
 * Opening never modifies a file that is not ours (foreign file, newer schema); a file held by
 * another process is reported as busy. Both are exit 4 (SPEC §2).
 */
public final class Database implements AutoCloseable {
    /** DuckDB files carry this magic at byte offset 8. */
    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");

    private final Path path;
    /** Where DuckDB spills: {@code <db>.tmp/}, or the one CLI_ANALYTICS_TEMP_DIR gives (DbSettings). */
    private final Path spill;
    private final Connection connection;
    private final boolean readOnly;
    /** Lets a Ctrl-C interrupt this database's query and wait until it is closed (Interrupts). */
    private final Interrupts.Registration interruptible;

    private Database(Path path, Path spill, Connection connection, boolean readOnly) {
        this.path = path;
        this.spill = spill;
        this.connection = connection;
        this.readOnly = readOnly;
        this.interruptible = Interrupts.register(() -> org.duckdb.QueryInterrupt.interrupt(connection),
                readOnly ? () -> { } : this::removeSpillFiles);
    }

    /** Opens for writing, creating the file and applying migrations as needed. */
    public static Database open(Path path, DbSettings settings) {
        return open(path, settings, false);
    }

    /** As {@link #open(Path, DbSettings)}, waiting as {@code wait} says while another process holds the file. */
    public static Database open(Path path, DbSettings settings, LockWait wait) {
        return wait.attempt(() -> open(path, settings, false));
    }

    /**
     * Opens for reading only (reports, export); several readers may share the file. The file
     * must exist and have this version's schema, else the user is told what to run.
     */
    public static Database openReadOnly(Path path, DbSettings settings) {
        if (!Files.exists(path)) {
            throw new CliAnalyticsException("no database at " + path
                    + ": run 'cli-analytics ingest FILE' first, or pass --db");
        }
        return open(path, settings, true);
    }

    /** As {@link #openReadOnly(Path, DbSettings)}, waiting as {@code wait} says while another process writes. */
    public static Database openReadOnly(Path path, DbSettings settings, LockWait wait) {
        return wait.attempt(() -> openReadOnly(path, settings));
    }

    private static Database open(Path path, DbSettings settings, boolean readOnly) {
        checkIsDuckDb(path);
        Connection connection = connect(path, readOnly);
        Database db = new Database(path, settings.spillDirectory(path), connection, readOnly);
        if (!readOnly) {
            db.removeDuckDbSpillFiles(); // a killed writer's: DuckDB leaves them, and they can be gigabytes
        }
        try {
            db.configure(settings, db.spill);
            Migrations.apply(db, readOnly);
            return db;
        } catch (RuntimeException | SQLException e) {
            db.close();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new DatabaseUnavailable("cannot read database " + path + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * An empty in-memory database with this version's schema, for tables kept elsewhere (report
     * --from: ParquetTables); {@code label} names it in messages. It spills to the temporary
     * directory of the settings, else the system's.
     */
    public static Database inMemory(Path label, DbSettings settings) {
        Connection connection;
        try {
            connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        } catch (SQLException e) {
            throw new DatabaseUnavailable("cannot start DuckDB in memory: " + firstLine(e.getMessage()), e);
        }
        Path base = settings.tempDir() != null ? settings.tempDir() : Path.of(System.getProperty("java.io.tmpdir"));
        Path spill = base.resolve("cli-analytics-from-" + ProcessHandle.current().pid());
        Database db = new Database(label, spill, connection, true);
        try {
            db.configure(settings, spill);
            db.execute("SET temp_directory = '" + spill.toString().replace("'", "''") + "'");
            Migrations.apply(db, false);
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new DatabaseUnavailable("cannot prepare the in-memory database for " + label + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    public Path path() {
        return path;
    }

    public Connection connection() {
        return connection;
    }

    /** Runs statements that return nothing, failing with the statement's own message. */
    public void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Writes this database whole into a new file {@code target} (schema, constraints, views and rows,
     * with DuckDB's COPY FROM DATABASE), then runs {@code onCopy} in the copy. The copy holds no
     * freed block, so no value this file replaced survives in it. A file at {@code target} is replaced.
     */
    public void copyInto(Path target, String onCopy) throws SQLException {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot replace " + target + ": " + e.getMessage(), e);
        }
        String name;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            name = rs.getString(1);
        }
        execute("ATTACH '" + target.toAbsolutePath().toString().replace("'", "''") + "' AS ca_copy");
        try {
            execute("COPY FROM DATABASE \"" + name.replace("\"", "\"\"") + "\" TO ca_copy");
            execute("USE ca_copy; " + onCopy + "; USE \"" + name.replace("\"", "\"\"") + "\"");
        } finally {
            execute("DETACH ca_copy");
        }
    }

    /** Puts {@code rewritten} (closed) in the place of the database file {@code file} (closed), in one rename. */
    public static void replaceFile(Path file, Path rewritten) {
        try {
            Files.move(rewritten, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot put the rewritten database " + rewritten + " in place of " + file + ": "
                    + e.getMessage() + "; the database is unchanged and the next writing command tries again", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CliAnalyticsException("could not close database " + path + ": " + firstLine(e.getMessage()), e);
        } finally {
            if (!readOnly) {
                removeEmptySpillDirectory();
            }
            interruptible.close();
        }
    }

    /**
     * The last resort of a writer that a Ctrl-C could not bring to close in time: the process is
     * about to end, and no other process can be using the spill directory while this one holds the
     * write lock, so DuckDB's files in it go, and the directory if it is then empty.
     */
    private void removeSpillFiles() {
        removeDuckDbSpillFiles();
        removeEmptySpillDirectory();
    }

    /**
     * DuckDB's files in the spill directory. A writer calls this when it opens, before anything
     * spills: holding the write lock, it is the only process that can use the directory, so what
     * is there was left by a process that was killed (DuckDB neither reuses nor removes it).
     */
    private void removeDuckDbSpillFiles() {
        try (java.util.stream.Stream<Path> files = Files.list(spill)) {
            files.filter(f -> f.getFileName().toString().startsWith("duckdb_temp_")).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException ignored) {
                    // left for the next writer
                }
            });
        } catch (java.io.IOException noDirectory) {
            // nothing spilled
        }
    }

    /**
     * DuckDB spills to {@code <db>.tmp/} and removes it when it ends normally; a run that was
     * killed leaves it behind. The writer (the only process with the file open) removes it once it
     * is empty; anything inside that is not DuckDB's stays.
     */
    private void removeEmptySpillDirectory() {
        try {
            if (Files.isDirectory(spill, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(spill);
            }
        } catch (java.io.IOException e) {
            // not empty, or not ours to remove: left as it is
        }
    }

    /** The session settings, in one call (each statement sent costs start-up time). */
    private void configure(DbSettings settings, Path spillDirectory) throws SQLException {
        if (settings.tempDir() != null) {
            try {
                Files.createDirectories(settings.tempDir()); // DuckDB makes only the last level
            } catch (IOException e) {
                throw new CliAnalyticsException("cannot create the temporary directory " + settings.tempDir()
                        + " (CLI_ANALYTICS_TEMP_DIR): " + e.getMessage(), e);
            }
        }
        String temp = settings.tempDir() == null ? ""
                : "; SET temp_directory = '" + spillDirectory.toString().replace("'", "''") + "'";
        execute("SET TimeZone = 'UTC'; SET memory_limit = '" + settings.memoryLimit().replace("'", "") + "'; SET threads = "
                + settings.threads() + temp);
    }

    private static Connection connect(Path path, boolean readOnly) {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        try {
            // the driver directly: DriverManager would first load every JDBC driver on the class path
            return new DuckDBDriver().connect("jdbc:duckdb:" + path.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw translateOpenError(path, e);
        }
    }

    static DatabaseUnavailable translateOpenError(Path path, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
            Matcher m = LOCK_PID.matcher(message);
            String pid = m.find() ? m.group(1) : null;
            return new DatabaseBusy(path.toString(), pid, "database " + path + " is in use by another process"
                    + (pid == null ? "" : " (PID " + pid + ")") + "; try again when it has finished,"
                    + " or add --wait to wait for it", e);
        }
        if (message.contains("newer version") || message.contains("older version")) {
            return new DatabaseNotOpened("database " + path
                    + " was written by a different DuckDB storage version: " + firstLine(message), e);
        }
        if (message.contains("Corrupt database file") || message.contains("Could not read enough bytes")) {
            return new DatabaseNotOpened("database " + path + " is damaged (truncated or corrupt) and was left untouched:"
                    + " restore it from a backup, or choose another --db", e);
        }
        return new DatabaseUnavailable("cannot open database " + path + ": " + firstLine(message), e);
    }

    /**
     * Rolls back after {@code cause}; a failing rollback (the transaction may already be gone,
     * e.g. after a failed write) is kept as suppressed so it never hides the real error.
     */
    public static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Back to auto-commit after a transaction, which may already be gone: never hides the run's own error. */
    public static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction ended (committed, or aborted by the error being reported)
        }
    }

    /** Whether a failure (anywhere in its causes) was the disk filling up, which deserves its own message. */
    public static boolean outOfSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure (anywhere in its causes) was DuckDB reaching its memory limit. */
    public static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Out of Memory Error")) {
                return true;
            }
        }
        return false;
    }

    /** The message for a run that reached DuckDB's memory limit during {@code step}, with the settings that help. */
    public String outOfMemoryMessage(String command, String step, String kept) {
        String limit;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            limit = "its memory limit, " + rs.getString(1) + ",";
        } catch (SQLException e) {
            limit = "its memory limit";
        }
        return command + " ran out of memory in DuckDB during " + step + " (" + limit + " was reached); " + kept
                + "; raise the limit with CLI_ANALYTICS_MEMORY_LIMIT (e.g. 4GB) and give spilling room with"
                + " CLI_ANALYTICS_TEMP_DIR (docs/scale.md)";
    }

    /** The message for a run that failed because the disk is full; nothing was written. */
    public String outOfSpaceMessage(String command, String kept) {
        return command + " failed: no space left on the device holding " + path + " (or its temporary directory " + spill
                + "); free some space and run again; " + kept;
    }

    private static void checkIsDuckDb(Path path) {
        if (!Files.exists(path)) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliAnalyticsException("cannot create database " + path + ": directory " + parent
                        + " does not exist");
            }
            return;
        }
        if (Files.isDirectory(path)) {
            throw new DatabaseNotOpened("database " + path + " is a directory, not a DuckDB file");
        }
        byte[] header = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new DatabaseNotOpened("cannot read database " + path + ": " + e.getMessage(), e);
        }
        boolean magic = read == header.length;
        for (int i = 0; magic && i < MAGIC.length; i++) {
            magic = header[8 + i] == MAGIC[i];
        }
        if (!magic) {
            throw new DatabaseNotOpened("file " + path + " is not a cli-analytics database (not a DuckDB file);"
                    + " it was left untouched: choose another --db");
        }
    }

    static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
