package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.vocabulary.IcrException;
import org.openicr.web.session.ActiveProfile;

/**
 * Patient search in the active role profile: by NHS Number, by family name and date of birth, or by
 * the start of the family name and the postcode. The boundary decides what each result shows and
 * audits every search.
 */
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

    private String familyName;
    private LocalDate dateOfBirth;
    private String namePrefix;
    private String postcode;
    private List<PatientSummary> results;

    public void search() {
        results = null;
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

    public void searchByNameAndBirthDate() {
        results = list(() -> finder.byFamilyNameAndBirthDate(activeProfile.id(), familyName, dateOfBirth), "byName");
    }

    public void searchByNameAndPostcode() {
        results = list(() -> finder.byPartialNameAndPostcode(activeProfile.id(), namePrefix, postcode), "byPostcode");
    }

    private List<PatientSummary> list(java.util.function.Supplier<List<PatientSummary>> search, String form) {
        FacesContext faces = FacesContext.getCurrentInstance();
        result = null;
        searched = false;
        if (!activeProfile.isChosen()) {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, "Choose the role you are working in first.", null));
            return null;
        }
        try {
            return search.get();
        } catch (IcrException refused) {
            faces.addMessage(form + ":messages", new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
            return null;
        }
    }

    public List<PatientSummary> getResults() {
        return results;
    }

    public int getMaxResults() {
        return PatientFinder.MAX_RESULTS;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
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
