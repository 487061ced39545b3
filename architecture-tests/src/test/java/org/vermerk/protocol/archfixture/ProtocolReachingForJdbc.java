package org.vermerk.protocol.archfixture;

import java.sql.Connection;

/** A deliberate violation: protocol code that touches JDBC and prints. Test fixture only. */
public class ProtocolReachingForJdbc {
    public void store(Connection connection) {
        System.out.println(connection);
    }
}
