package org.openicr.platform;

import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a native query run on a JPA persistence context ({@code em.createNativeQuery}), each
 * read by column name, never by position: EclipseLink's result type "Map" answers each row as a map
 * of its column labels (PostgreSQL's, lower case: give every expression an alias) to the values
 * JDBC read. The stores whose statements belong to a JPA unit of work read their selects through
 * this class only (PersistenceRuleTest refuses any other reading of a native query's rows).
 */
public final class NativeRows {

    /** EclipseLink's query hint for the shape of each result row ({@code QueryHints.RESULT_TYPE}). */
    static final String RESULT_TYPE = "eclipselink.result-type";

    private NativeRows() {}

    /** Every row of {@code query}, by column name. */
    public static List<Row> of(Query query) {
        return ((List<?>) query.setHint(RESULT_TYPE, "Map").getResultList())
                .stream().map(row -> new Row((Map<?, ?>) row)).toList();
    }

    /** The first row of {@code query}, if it answered any. */
    public static Optional<Row> first(Query query) {
        List<Row> rows = of(query);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** One row: its values by column label. */
    public static final class Row {

        private final Map<?, ?> columns;

        Row(Map<?, ?> columns) {
            this.columns = columns;
        }

        /**
         * The value of the column labelled {@code column}.
         *
         * @throws IllegalStateException if the select has no such column (a name out of step with
         *     the select: a mistake in the code, never a null)
         */
        public <T> T get(String column, Class<T> type) {
            if (!columns.containsKey(column)) {
                throw new IllegalStateException("The select has no column " + column + ": " + columns.keySet());
            }
            return type.cast(columns.get(column));
        }

        public String string(String column) {
            return get(column, String.class);
        }
    }
}
