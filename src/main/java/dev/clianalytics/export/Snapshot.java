package dev.clianalytics.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.db.Database;
import dev.clianalytics.db.ParquetTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * export --snapshot: every table a report reads, one folder per table ({@code DIR/<table>/data.parquet},
 * rows in the table's order), and a manifest with the schema version: the layout report --from DIR
 * reads (ParquetTables), as the Spark job writes it. Each folder appears whole (written beside it,
 * then renamed into place).
 */
public final class Snapshot {
    public record Written(String table, Path folder, long rows) {}

    private Snapshot() {}

    public static List<Written> write(Database db, Path dir, boolean force, String writtenBy) {
        try {
            List<String> tables = ParquetTables.tables(db);
            for (String table : tables) {
                if (!force && Files.exists(dir.resolve(table))) {
                    throw new CliAnalyticsException(dir.resolve(table) + " exists; pass --force to replace it (nothing was"
                            + " written)");
                }
            }
            Files.createDirectories(dir);
            List<Written> written = new ArrayList<>();
            for (String table : tables) {
                written.add(writeTable(db, dir, table));
            }
            ObjectNode manifest = new ObjectMapper().createObjectNode();
            manifest.put("schema_version", ParquetTables.schemaVersion());
            manifest.put("written_by", writtenBy);
            tables.forEach(manifest.putArray("tables")::add);
            Path tmp = dir.resolve("." + ParquetTables.MANIFEST + ".tmp");
            Files.writeString(tmp, manifest.toPrettyString() + "\n");
            Files.move(tmp, dir.resolve(ParquetTables.MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new CliAnalyticsException("cannot write the snapshot into " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new CliAnalyticsException("cannot write the snapshot into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Written writeTable(Database db, Path dir, String table) throws IOException, SQLException {
        Path folder = dir.resolve(table);
        Path tmp = dir.resolve("." + table + ".tmp-" + ProcessHandle.current().pid());
        delete(tmp);
        Files.createDirectories(tmp);
        long rows;
        try (Statement st = db.connection().createStatement()) {
            rows = st.executeUpdate("COPY (SELECT * FROM " + table + ") TO '"
                    + tmp.resolve("data.parquet").toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        delete(folder);
        Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
        return new Written(table, folder, rows);
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
