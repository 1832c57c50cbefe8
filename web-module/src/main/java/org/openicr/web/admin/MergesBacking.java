package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openicr.ingestion.boundary.MergeAdministration;
import org.openicr.ingestion.boundary.MergeSummary;
import org.openicr.vocabulary.IcrException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Merged records (ADT^A40), paged in the database, and the undo of a merge made in error. */
@Named
@ViewScoped
public class MergesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient MergeAdministration administration;

    private boolean includeReversed = true;
    private MergeSummary selected;
    private String note;

    private final LazyDataModel<MergeSummary> merges = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) administration.count(includeReversed);
        }

        @Override
        public List<MergeSummary> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return administration.merges(includeReversed, first, pageSize);
        }

        @Override
        public String getRowKey(MergeSummary merge) {
            return Long.toString(merge.id());
        }

        @Override
        public MergeSummary getRowData(String rowKey) {
            return null;
        }
    };

    public void select(MergeSummary merge) {
        selected = merge;
        note = null;
    }

    public void undo() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (selected == null) {
            return;
        }
        try {
            MergeSummary after = administration.undo(selected.id(), note);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Merge " + after.id() + " reversed: " + after.itemsMovedBack()
                                    + " item(s) are back with NHS Number " + after.retiredNhsNumber() + ".",
                            null));
            selected = null;
            note = null;
        } catch (IcrException refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
        }
    }

    public LazyDataModel<MergeSummary> getMerges() {
        return merges;
    }

    public boolean isIncludeReversed() {
        return includeReversed;
    }

    public void setIncludeReversed(boolean includeReversed) {
        this.includeReversed = includeReversed;
    }

    public MergeSummary getSelected() {
        return selected;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
