package dev.clianalytics.db;

import java.nio.file.Path;

/** Child process for tests: opens a database, says "ready", and holds it until stdin closes. */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]), DbSettings.defaults())) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
