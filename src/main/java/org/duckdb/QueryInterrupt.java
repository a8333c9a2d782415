package org.duckdb;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Interrupts the query a DuckDB connection is running, from another thread (the Ctrl-C hook).
 * DuckDB's driver has the call but keeps it package-private (Statement.cancel needs the running
 * statement, which the hook does not have), hence this one class in the driver's package; a
 * driver that changes the call breaks the build, not a user's Ctrl-C.
 */
public final class QueryInterrupt {
    private QueryInterrupt() {}

    public static void interrupt(Connection connection) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        duck.connRefLock.lock();
        try {
            if (!duck.isClosed()) {
                duck.interrupt();
            }
        } finally {
            duck.connRefLock.unlock();
        }
    }
}
