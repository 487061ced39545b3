package org.vermerk.server.archfixture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A deliberate violation: server code outside its storage package opening JDBC. Test fixture only. */
public class ServerHandlerOpeningJdbc {
    public Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }
}
