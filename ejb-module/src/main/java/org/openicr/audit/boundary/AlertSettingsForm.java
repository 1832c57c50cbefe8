package org.openicr.audit.boundary;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.openicr.audit.entity.AlertSettings;

/**
 * The access-pattern alert settings as the privacy officer's page reads and edits them. Checked on
 * creation by the same rules as {@link AlertSettings} (it builds one), so a bad value answers the
 * same sentence, in the web layer, before any service is called.
 */
public record AlertSettingsForm(
        int recordsPerHour, LocalTime start, LocalTime end, Set<DayOfWeek> workingDays, ZoneId zone)
        implements Serializable {

    public AlertSettingsForm {
        workingDays = new AlertSettings(recordsPerHour, start, end, workingDays, zone).workingDays();
    }

    static AlertSettingsForm of(AlertSettings settings) {
        return new AlertSettingsForm(
                settings.recordsPerHour(), settings.start(), settings.end(), settings.workingDays(), settings.zone());
    }

    AlertSettings settings() {
        return new AlertSettings(recordsPerHour, start, end, workingDays, zone);
    }
}
