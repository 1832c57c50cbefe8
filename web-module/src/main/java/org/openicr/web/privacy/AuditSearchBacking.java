package org.openicr.web.privacy;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openicr.audit.boundary.AuditQuery;
import org.openicr.audit.boundary.AuditRow;
import org.openicr.audit.boundary.AuditSearch;
import org.openicr.audit.boundary.FhirAuditExport;
import org.openicr.vocabulary.IcrException;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The privacy officer's audit search: criteria, a page of events read from the database at a time,
 * a CSV export streamed in chunks (every matching row, not just the page shown) and the FHIR
 * AuditEvent export of the date range. Searches and exports are audited by the services.
 */
@Named
@ViewScoped
public class AuditSearchBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1000;

    @EJB
    transient AuditSearch search;

    @EJB
    transient FhirAuditExport fhir;

    private String nhsNumber;
    private String username;
    private String organisation;
    private String action;
    private LocalDate from = LocalDate.now(AuditQuery.UK).minusDays(7);
    private LocalDate to = LocalDate.now(AuditQuery.UK);

    private AuditQuery searched;
    private long total;

    private final LazyDataModel<AuditRow> events = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, total);
        }

        @Override
        public List<AuditRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return searched == null ? List.of() : search.page(searched, first, pageSize);
        }

        @Override
        public String getRowKey(AuditRow row) {
            return Long.toString(row.id());
        }

        @Override
        public AuditRow getRowData(String rowKey) {
            return null;
        }
    };

    public void search() {
        try {
            AuditQuery criteria = criteria();
            total = search.search(criteria);
            searched = criteria;
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":audit:list") instanceof DataTable t) {
                t.setFirst(0);
            }
        } catch (IcrException refused) {
            error(refused.reason());
        }
    }

    /** Every event matching the criteria as CSV, read from the database a chunk at a time. */
    public void exportCsv() throws IOException {
        AuditQuery criteria;
        try {
            criteria = criteria();
        } catch (IcrException refused) {
            error(refused.reason());
            return;
        }
        search.export(criteria, "CSV");
        Faces.sendFile("audit-" + criteria.from() + "-to-" + criteria.to() + ".csv", true, output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write(AuditCsv.HEADER);
            Long before = null;
            while (true) {
                List<AuditRow> chunk = search.chunk(criteria, before, CHUNK);
                for (AuditRow row : chunk) {
                    AuditCsv.write(out, row);
                }
                if (chunk.size() < CHUNK) {
                    break;
                }
                before = chunk.get(chunk.size() - 1).id();
            }
            out.flush();
        });
    }

    /** The date range's events as a FHIR R4 Bundle of AuditEvent (IHE BALP), streamed. */
    public void exportFhir() throws IOException {
        AuditQuery period;
        try {
            period = AuditQuery.period(from, to);
        } catch (IcrException refused) {
            error(refused.reason());
            return;
        }
        Faces.sendFile(
                "audit-events-" + period.from() + "-to-" + period.to() + ".fhir.json",
                true,
                output -> fhir.export(period.from(), period.to(), output));
    }

    private AuditQuery criteria() {
        return new AuditQuery(nhsNumber, username, organisation, action, from, to);
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public List<String> getActions() {
        return AuditQuery.actions();
    }

    public LazyDataModel<AuditRow> getEvents() {
        return events;
    }

    public boolean isSearched() {
        return searched != null;
    }

    public long getTotal() {
        return total;
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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
