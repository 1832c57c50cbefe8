package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Messages;
import org.openicr.ingestion.boundary.DemographicsBySource;
import org.openicr.vocabulary.IcrException;

/** Administrators: a person's demographics as each source sent them, and which source each shown field is from. */
@Named
@ViewScoped
public class DemographicsBySourceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient DemographicsBySource boundary;

    private String nhsNumber;
    private DemographicsBySource.View view;

    public void show() {
        view = null;
        try {
            view = boundary.forNhsNumber(nhsNumber);
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public DemographicsBySource.View getView() {
        return view;
    }
}
