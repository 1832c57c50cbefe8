package org.openicr.tools.region;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One Synthea patient's record, ready to be cloned: items grouped by category (newest first), each
 * with its columns pre-encoded for COPY, so that a clone only adds identity, ids and shifted dates.
 */
public final class Template {

    /** Which kind of partner organisation holds an item (resolved per person: their practice, council...). */
    public enum Holder {
        GP,
        ACUTE,
        COMMUNITY,
        MENTAL_HEALTH,
        OUT_OF_HOURS,
        COUNCIL
    }

    /**
     * One item. {@code head} holds category, version and status; {@code tail} holds code system, code,
     * display, text, sensitivity and details (COPY-escaped); {@code document} the content_type and data
     * columns of document_content, or null.
     */
    public record Item(
            RegionCategory category, Holder holder, long start, long end, byte[] head, byte[] tail, byte[] document) {}

    final String syntheaId;
    final long birthDay;
    final long deathDay;
    final boolean female;
    final Map<RegionCategory, List<Item>> pools = new EnumMap<>(RegionCategory.class);

    Template(String syntheaId, long birthDay, long deathDay, boolean female) {
        this.syntheaId = syntheaId;
        this.birthDay = birthDay;
        this.deathDay = deathDay;
        this.female = female;
    }

    void add(Item item) {
        pools.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(item);
    }

    List<Item> pool(RegionCategory category) {
        return pools.getOrDefault(category, List.of());
    }

    /** Sorts every pool newest first (called once the cohort is read). */
    void seal() {
        pools.values().forEach(list -> list.sort((a, b) -> Long.compare(b.start(), a.start())));
    }

    public int size() {
        return pools.values().stream().mapToInt(List::size).sum();
    }
}
