package org.vermerk.server.storage.archfixture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Allowed: JDBC inside the server's storage package. Test fixture only. */
public class FixtureServerStorage {
    public Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }
}
