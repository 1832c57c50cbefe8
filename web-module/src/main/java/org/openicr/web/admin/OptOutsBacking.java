package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openicr.consent.boundary.OptOutEvent;
import org.openicr.consent.boundary.OptOuts;
import org.openicr.consent.boundary.SocialCareConsent;
import org.openicr.vocabulary.IcrException;

/**
 * Customer services: find a person by NHS Number, check their name and date of birth ("Yes, this is
 * the person"), then see their opt-out history and record a change, and record each council's social
 * care consent to share. Nothing can be recorded before the person is confirmed.
 */
@Named
@ViewScoped
public class OptOutsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OptOuts optOuts;

    @EJB
    transient SocialCareConsent socialCareConsent;

    private List<SocialCareConsent.Council> councils;
    private OptOuts.Identity found;
    private List<String> refusals;

    private String nhsNumber;
    private String loaded;
    private boolean optedOut;
    private List<OptOutEvent> history;
    private String channel;
    private String note;

    /** Step 1: who has this NHS Number? Shows their name and date of birth to check; records nothing. */
    public void find() {
        loaded = null;
        history = null;
        found = null;
        try {
            found = optOuts.identify(nhsNumber);
        } catch (IcrException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.reason());
        }
    }

    /** Step 2: the administrator confirmed that this is the person; their opt-out and consents open. */
    public void confirm() {
        if (found == null) {
            return;
        }
        nhsNumber = found.nhsNumber();
        load();
    }

    /** Not the person: back to the NHS Number, nothing shown or recorded. */
    public void notThisPerson() {
        found = null;
        loaded = null;
        history = null;
        nhsNumber = null;
    }

    private void load() {
        try {
            history = optOuts.history(nhsNumber);
            optedOut = optOuts.isOptedOut(nhsNumber);
            councils = socialCareConsent.councils();
            refusals = socialCareConsent.refusals(nhsNumber);
            loaded = nhsNumber;
        } catch (IcrException refused) {
            loaded = null;
            history = null;
            message(FacesMessage.SEVERITY_ERROR, refused.reason());
        }
    }

    public void record(boolean optOut) {
        try {
            optOuts.record(loaded, optOut, channel, note);
            note = null;
            load();
            message(
                    FacesMessage.SEVERITY_INFO,
                    optOut
                            ? "Opt-out recorded: the record is hidden from view."
                            : "Opt-in recorded: the record is visible again.");
        } catch (IcrException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.reason());
        }
    }

    /** Social care consent to share with one council: given (true) or refused (false). */
    public void recordSocialCareConsent(String council, boolean consents) {
        try {
            socialCareConsent.record(loaded, council, consents);
            load();
            String name = councilName(council);
            message(
                    FacesMessage.SEVERITY_INFO,
                    consents
                            ? "Consent recorded: " + name + "'s social care record is shared again."
                            : "Refusal recorded: " + name + "'s social care record is no longer shared outside it.");
        } catch (IcrException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.reason());
        }
    }

    public List<SocialCareConsent.Council> getCouncils() {
        return councils;
    }

    private String councilName(String odsCode) {
        return councils == null
                ? odsCode
                : councils.stream()
                        .filter(c -> c.odsCode().equals(odsCode))
                        .map(SocialCareConsent.Council::name)
                        .findFirst()
                        .orElse(odsCode);
    }

    /** The person found by NHS Number, to check before anything is recorded (null before a search). */
    public OptOuts.Identity getFound() {
        return found;
    }

    public boolean refused(String council) {
        return refusals != null && refusals.contains(council);
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public List<String> getChannels() {
        return OptOuts.CHANNELS.stream().sorted().toList();
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getLoaded() {
        return loaded;
    }

    public boolean isOptedOut() {
        return optedOut;
    }

    public List<OptOutEvent> getHistory() {
        return history;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
