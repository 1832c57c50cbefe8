package org.openicr.persistencefixture.boundary;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;

/** What {@code PersistenceRuleTest} must refuse: SQL written in a boundary (a fixture, never deployed). */
public class SqlInABoundary {

    EntityManager em;

    Connection connection;

    public Object nativeQuery() {
        return em.createNativeQuery("select 1").getSingleResult();
    }

    public void jdbc() throws SQLException {
        connection.prepareStatement("select 1").close();
    }
}
