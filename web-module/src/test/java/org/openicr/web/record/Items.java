package org.openicr.web.record;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/** Item views as the boundary hands them to the page, for the view logic's tests (details by their contract names). */
final class Items {

    private Items() {}

    static ItemView item(String category, String when, String status, String title, String... details) {
        Map<ItemDetail, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(ItemDetail.lookup(details[i]).orElseThrow(), details[i + 1]);
        }
        return new ItemView(
                1,
                Category.valueOf(category),
                when == null
                        ? null
                        : LocalDateTime.parse(when)
                                .atZone(ZoneId.of("Europe/London"))
                                .toInstant(),
                null,
                status,
                title,
                new CodedConcept(CodeSystem.LOINC, "4548-4", title),
                null,
                map,
                "Avon Vale Hospitals",
                false);
    }

    /** A coded result (LOINC {@code code}) of {@code title}: its value, unit, flag and more details. */
    static ItemView result(String code, String title, String when, String value, String flag, String... details) {
        Map<ItemDetail, String> map = new LinkedHashMap<>();
        if (value != null) {
            map.put(ItemDetail.VALUE, value);
        }
        if (flag != null) {
            map.put(ItemDetail.INTERPRETATION, flag);
        }
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(ItemDetail.lookup(details[i]).orElseThrow(), details[i + 1]);
        }
        return new ItemView(
                1,
                Category.RESULTS,
                when == null
                        ? null
                        : LocalDateTime.parse(when)
                                .atZone(ZoneId.of("Europe/London"))
                                .toInstant(),
                null,
                "final",
                title,
                code == null ? null : new CodedConcept(CodeSystem.LOINC, code, title),
                null,
                map,
                "Avon Vale Hospitals",
                false);
    }

    static ItemView withheld(String category, String when) {
        return new ItemView(
                2,
                Category.valueOf(category),
                LocalDateTime.parse(when).atZone(ZoneId.of("Europe/London")).toInstant(),
                null,
                null,
                "Withheld by the source",
                null,
                null,
                Map.of(),
                "Riverside Medical Practice",
                true);
    }
}
