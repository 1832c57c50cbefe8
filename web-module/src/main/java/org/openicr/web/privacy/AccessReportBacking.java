package org.openicr.web.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import org.omnifaces.util.Faces;
import org.openicr.audit.boundary.AccessReport;
import org.openicr.audit.boundary.AuditQuery;
import org.openicr.vocabulary.IcrException;

/** The person's access report for a subject access request, downloaded as a PDF (generation is audited). */
@Named
@RequestScoped
public class AccessReportBacking {

    @EJB
    AccessReport reports;

    private String nhsNumber;
    private LocalDate from = LocalDate.now(AuditQuery.UK).minusYears(1);
    private LocalDate to = LocalDate.now(AuditQuery.UK);

    public void download() throws IOException {
        AccessReport.Report report;
        try {
            report = reports.generate(nhsNumber, from, to);
        } catch (IcrException refused) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
            return;
        }
        Faces.sendFile(report.pdf(), report.fileName(), true);
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
