package org.openicr.persistencefixture.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.openicr.platform.NativeRows;

/** What {@code PersistenceRuleTest} must let pass: a native query's rows read by column name (a fixture). */
public class RowsByName {

    EntityManager em;

    public List<String> names() {
        return NativeRows.of(em.createNativeQuery("select code, name from rbac_role")).stream()
                .map(r -> r.string("name"))
                .toList();
    }
}
