package org.openicr.web.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.openicr.audit.boundary.AlertSettingsAdmin;
import org.openicr.audit.boundary.AlertSettingsForm;
import org.openicr.vocabulary.IcrException;

/** The privacy officer edits when access-pattern alerts are raised; each change is audited before and after. */
@Named
@ViewScoped
public class AlertSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AlertSettingsAdmin admin;

    private Integer recordsPerHour;
    private String start;
    private String end;
    private List<String> days = new ArrayList<>();
    private String zone;

    @PostConstruct
    void load() {
        AlertSettingsForm current = admin.current();
        recordsPerHour = current.recordsPerHour();
        start = current.start().toString();
        end = current.end().toString();
        days = EnumSet.copyOf(current.workingDays()).stream().map(Enum::name).toList();
        days = new ArrayList<>(days);
        zone = current.zone().getId();
    }

    public void save() {
        try {
            AlertSettingsForm after = new AlertSettingsForm(
                    recordsPerHour == null ? 0 : recordsPerHour,
                    time(start, "start"),
                    time(end, "end"),
                    days.stream()
                            .map(DayOfWeek::valueOf)
                            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                    zone(zone));
            boolean changed = admin.change(after);
            message(FacesMessage.SEVERITY_INFO, changed ? "Alert settings saved." : "Nothing changed.");
        } catch (IcrException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.reason());
        }
    }

    private static LocalTime time(String text, String which) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new IcrException(
                    org.openicr.vocabulary.ErrorCode.INVALID_INPUT,
                    "Give the " + which + " of working hours as HH:MM, for example 07:00.");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            throw new IcrException(
                    org.openicr.vocabulary.ErrorCode.INVALID_INPUT,
                    "Unknown time zone; use a region name such as Europe/London.");
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String label(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK);
    }

    public List<DayOfWeek> getWeek() {
        return List.of(DayOfWeek.values());
    }

    public Integer getRecordsPerHour() {
        return recordsPerHour;
    }

    public void setRecordsPerHour(Integer recordsPerHour) {
        this.recordsPerHour = recordsPerHour;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public List<String> getDays() {
        return days;
    }

    public void setDays(List<String> days) {
        this.days = days;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
