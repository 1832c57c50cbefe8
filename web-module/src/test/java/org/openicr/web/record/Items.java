package org.openicr.web.record;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openicr.record.boundary.ItemView;

/** Item views as the boundary hands them to the page, for the view logic's tests. */
final class Items {

    private Items() {}

    static ItemView item(String category, String when, String status, String title, String... details) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        return new ItemView(
                1,
                category,
                when == null
                        ? null
                        : LocalDateTime.parse(when)
                                .atZone(ZoneId.of("Europe/London"))
                                .toInstant(),
                null,
                status,
                title,
                "LOINC 4548-4",
                null,
                map,
                "Avon Vale Hospitals",
                false);
    }

    static ItemView withheld(String category, String when) {
        return new ItemView(
                2,
                category,
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
