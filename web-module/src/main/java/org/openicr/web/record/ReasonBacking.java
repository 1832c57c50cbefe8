package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.web.session.ActiveProfile;

/** The legitimate-reason step before a record opens; break glass needs a justification. */
@Named
@RequestScoped
public class ReasonBacking {

    @EJB
    CareRecord careRecord;

    @Inject
    ActiveProfile activeProfile;

    private Long person;
    private LegitimateReason reason = LegitimateReason.ONGOING_CARE;
    private String justification;

    public String declare() {
        try {
            careRecord.declareReason(activeProfile.id(), person, reason, justification);
            return "/record/view.xhtml?faces-redirect=true&person=" + person;
        } catch (IcrException refused) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
            return null;
        }
    }

    public List<LegitimateReason> getReasons() {
        return List.of(LegitimateReason.values());
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public LegitimateReason getReason() {
        return reason;
    }

    public void setReason(LegitimateReason reason) {
        this.reason = reason;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
