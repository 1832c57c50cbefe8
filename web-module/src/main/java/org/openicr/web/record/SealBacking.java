package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Messages;
import org.openicr.record.boundary.SealBreaks;
import org.openicr.vocabulary.IcrException;
import org.openicr.web.session.ActiveProfile;

/** Breaking the seal of one withheld item: the justification form, then back to the record. */
@Named
@ViewScoped
public class SealBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SealBreaks sealBreaks;

    @Inject
    ActiveProfile activeProfile;

    private Long person;
    private Long item;
    private SealBreaks.WithheldItem withheld;
    private String justification;

    public void load() {
        if (person == null || item == null) {
            Messages.addGlobalError("Open this page from a withheld item of a record.");
            return;
        }
        try {
            withheld = sealBreaks.withheld(activeProfile.id(), person, item);
        } catch (IcrException refused) {
            withheld = null;
            Messages.addGlobalError(refused.reason());
        }
    }

    public String breakSeal() {
        try {
            sealBreaks.breakSeal(activeProfile.id(), person, item, justification);
            Messages.addFlashGlobalInfo("Seal broken: the item is shown to you for 4 hours. A privacy officer will"
                    + " review your justification.");
            return "/record/view.xhtml?faces-redirect=true&person=" + person + "&category="
                    + withheld.category().name();
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
            return null;
        }
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public Long getItem() {
        return item;
    }

    public void setItem(Long item) {
        this.item = item;
    }

    public SealBreaks.WithheldItem getWithheld() {
        return withheld;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
