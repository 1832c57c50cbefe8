package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.openicr.access.boundary.ReasonAdministration;
import org.openicr.access.boundary.ReasonRow;
import org.openicr.vocabulary.LegitimateReason;

/** The reasons each role may give, as a grid of labelled checkboxes, saved in one go. */
@Named
@ViewScoped
public class ReasonsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReasonAdministration administration;

    private List<ReasonRow> rows;

    @PostConstruct
    void load() {
        rows = administration.rows();
    }

    public void save() {
        ReasonAdministration.Saved saved = administration.save(rows);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (saved.refused()) {
            // Keep what was ticked so that the administrator can correct it; nothing was saved.
            String roles = saved.leftWithoutReason().stream()
                    .map(r -> r.getRoleName() + " (" + r.getRoleCode() + ")")
                    .collect(Collectors.joining(", "));
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Nothing was saved. Each role must keep at least one reason: choose one for " + roles + ".",
                            null));
            return;
        }
        load();
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        saved.changed() == 0 ? "Nothing changed." : saved.changed() + " role(s) changed.",
                        null));
    }

    public List<ReasonRow> getRows() {
        return rows;
    }

    public List<LegitimateReason> getReasons() {
        return List.of(LegitimateReason.values());
    }

    /** A checkbox's value: bound as #{reasonsBacking.cell(row, reason).value}. */
    public Cell cell(ReasonRow row, LegitimateReason reason) {
        return new Cell(row, reason);
    }

    /** One checkbox of the grid. */
    public static final class Cell {
        private final ReasonRow row;
        private final LegitimateReason reason;

        Cell(ReasonRow row, LegitimateReason reason) {
            this.row = row;
            this.reason = reason;
        }

        public boolean isValue() {
            return row.gives(reason);
        }

        public void setValue(boolean value) {
            row.set(reason, value);
        }
    }
}
