package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.platform.IcrException;
import org.openicr.web.session.ActiveProfile;

/** Patient search: by NHS Number, in the active role profile (audited by the boundary). */
@Named
@ViewScoped
public class PatientSearchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient PatientFinder finder;

    @Inject
    ActiveProfile activeProfile;

    private String nhsNumber;
    private PatientSummary result;
    private boolean searched;

    public void search() {
        result = null;
        searched = false;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!activeProfile.isChosen()) {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, "Choose the role you are working in first.", null));
            return;
        }
        try {
            result = finder.byNhsNumber(activeProfile.id(), nhsNumber).orElse(null);
            searched = true;
        } catch (IcrException refused) {
            faces.addMessage("search:nhsNumber", new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
        }
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public PatientSummary getResult() {
        return result;
    }

    public boolean isSearched() {
        return searched;
    }
}
