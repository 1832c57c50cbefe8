package org.openicr.persistencefixture.control;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What {@code PersistenceRuleTest} must refuse: a store reading a native query's rows as
 * {@code Object[]}, by position (a fixture, never deployed).
 */
public class RowsByPosition {

    EntityManager em;

    public List<String> names() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("select code, name from rbac_role").getResultList();
        return rows.stream().map(r -> (String) r[1]).toList();
    }
}
