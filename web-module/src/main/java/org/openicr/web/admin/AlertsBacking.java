package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openicr.audit.boundary.AlertReview;
import org.openicr.audit.boundary.AlertView;
import org.openicr.vocabulary.IcrException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The privacy officer's alert queue, paged in the database, with a review form per alert. */
@Named
@ViewScoped
public class AlertsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AlertReview review;

    private boolean openOnly = true;
    private Long reviewing;
    private String outcome;
    private String note;

    private final LazyDataModel<AlertView> alerts = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) review.count(openOnly);
        }

        @Override
        public List<AlertView> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return review.alerts(openOnly, first, pageSize);
        }

        @Override
        public String getRowKey(AlertView alert) {
            return Long.toString(alert.id());
        }

        @Override
        public AlertView getRowData(String rowKey) {
            return null;
        }
    };

    public void startReview(long alertId) {
        reviewing = alertId;
        outcome = null;
        note = null;
    }

    public void save() {
        try {
            review.review(reviewing, outcome, note);
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(FacesMessage.SEVERITY_INFO, "Alert " + reviewing + " reviewed.", null));
            reviewing = null;
        } catch (IcrException refused) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
        }
    }

    public List<String> getOutcomes() {
        return AlertReview.OUTCOMES.stream().sorted().toList();
    }

    public LazyDataModel<AlertView> getAlerts() {
        return alerts;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }

    public Long getReviewing() {
        return reviewing;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
