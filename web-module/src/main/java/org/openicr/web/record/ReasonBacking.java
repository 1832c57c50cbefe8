package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.ReasonStep;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.web.session.ActiveProfile;

/**
 * The legitimate-reason step before a record opens: the banner of whose record it is, the reasons
 * the reader's role profile may give, and a justification for break glass. None is chosen for the
 * reader unless the record shows a care relationship (docs/care-relationships.md): then its reason
 * is pre-selected and the relationship said in words.
 * A refused or incomplete choice comes back to this page by a redirect that keeps {@code ?person=}
 * and what was chosen and typed.
 */
@Named
@RequestScoped
public class ReasonBacking {

    /** Said when "Open the record" is pressed with no reason chosen. */
    static final String CHOOSE_A_REASON = "Select a reason for opening this record";

    private static final String FLASH_REASON = "reasonStep.reason";
    private static final String FLASH_JUSTIFICATION = "reasonStep.justification";

    @EJB
    CareRecord careRecord;

    @Inject
    ActiveProfile activeProfile;

    private Long person;
    private LegitimateReason reason;
    private String justification;
    private ReasonStep step;

    /** On the page's GET: the step for the person, and what was chosen before a redirect back here. */
    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (person == null || !activeProfile.isChosen()) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        try {
            step = careRecord.reasonStep(activeProfile.id(), person);
        } catch (IcrException refused) {
            // No such person, or a profile that may not be used: audited by the boundary.
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
            external.getFlash().setKeepMessages(true);
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        Flash flash = external.getFlash();
        if (flash.get(FLASH_REASON) instanceof LegitimateReason kept
                && step.reasons().contains(kept)) {
            reason = kept;
        } else if (step.hasInferred()) {
            // A relationship the record shows: its reason is the default, confirmed with one click.
            reason = step.inferred();
        }
        if (flash.get(FLASH_JUSTIFICATION) instanceof String kept) {
            justification = kept;
        }
    }

    public String declare() {
        if (reason == null) {
            return again(CHOOSE_A_REASON);
        }
        try {
            careRecord.declareReason(activeProfile.id(), person, reason, justification);
            return "/record/view.xhtml?faces-redirect=true&person=" + person;
        } catch (IcrException refused) {
            return again(refused.reason());
        }
    }

    /** Back to this page for the same person, with the message and what was chosen and typed. */
    private String again(String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        Flash flash = faces.getExternalContext().getFlash();
        flash.setKeepMessages(true);
        flash.put(FLASH_REASON, reason);
        flash.put(FLASH_JUSTIFICATION, justification);
        return "/record/reason.xhtml?faces-redirect=true&person=" + person;
    }

    /**
     * The reasons the page offers. A posted form is checked against every reason, not only those
     * offered: the access decision, not the form, refuses a reason the role may not give, so that
     * the refusal is audited as a denial.
     */
    public List<LegitimateReason> getReasons() {
        if (step == null || FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return List.of(LegitimateReason.values());
        }
        return step.reasons();
    }

    public ReasonStep getStep() {
        return step;
    }

    /**
     * Whether a justification box is worth showing: break glass or safeguarding is offered. On a
     * post (no step read: the request only declares) the box is always decoded, so that what was
     * typed reaches the decision.
     */
    public boolean isJustificationOffered() {
        return step == null
                || step.reasons().contains(LegitimateReason.VITAL_INTERESTS)
                || step.reasons().contains(LegitimateReason.SAFEGUARDING);
    }

    public boolean isBreakGlassOffered() {
        return step != null && step.reasons().contains(LegitimateReason.VITAL_INTERESTS);
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
