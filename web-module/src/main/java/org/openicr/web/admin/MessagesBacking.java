package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openicr.ingestion.boundary.MessageAdministration;
import org.openicr.ingestion.boundary.MessageFilter;
import org.openicr.ingestion.boundary.MessageSummary;
import org.openicr.vocabulary.IcrException;
import org.openicr.web.Labels;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Received messages for interface teams and administrators: by source, operation, status and
 * time, paged in the database, with the raw content and the replay of a failed one.
 */
@Named
@ViewScoped
public class MessagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> STATUSES =
            List.of("RECEIVED", "ACCEPTED", "REJECTED", "FAILED", "UNMATCHED", "NOT_USED", "DUPLICATE");
    public static final List<String> OPERATIONS =
            List.of("SubmitDemographics", "SubmitItems", "WithdrawItems", "SubmitHl7");

    @EJB
    transient MessageAdministration administration;

    private String account;
    private String status;
    private String operation;
    private List<String> accounts;
    private MessageSummary selected;
    private String raw;

    private final LazyDataModel<MessageSummary> messages = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) administration.count(filter());
        }

        @Override
        public List<MessageSummary> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return administration.messages(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(MessageSummary message) {
            return Long.toString(message.id());
        }

        @Override
        public MessageSummary getRowData(String rowKey) {
            return null;
        }
    };

    @PostConstruct
    void init() {
        accounts = administration.accounts();
    }

    private MessageFilter filter() {
        return new MessageFilter(blankToNull(account), blankToNull(status), blankToNull(operation), null, null);
    }

    public void show(MessageSummary message) {
        selected = message;
        raw = administration.raw(message.id());
    }

    public void replay(MessageSummary message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            String now = administration.replay(message.id());
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Message " + message.id() + " replayed: now "
                                    + Labels.label("MessageStatus", now).toLowerCase(java.util.Locale.UK) + ".",
                            null));
        } catch (IcrException refused) {
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Message " + message.id() + " was refused again. " + refused.reason(),
                            null));
        }
        selected = null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public LazyDataModel<MessageSummary> getMessages() {
        return messages;
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public List<String> getOperations() {
        return OPERATIONS;
    }

    public List<String> getAccounts() {
        return accounts;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public MessageSummary getSelected() {
        return selected;
    }

    /** The selected message laid out for reading (XML indented, HL7 v2 one segment a line with its fields). */
    public String getFormatted() {
        return MessageLayout.format(raw);
    }

    public String getRaw() {
        return raw;
    }
}
