package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.openicr.directory.boundary.LaunchingSystems;
import org.openicr.directory.boundary.ProfileChoice;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;
import org.openicr.web.security.LaunchEntry;
import org.openicr.web.security.LaunchEntry.PendingLaunch;
import org.openicr.web.security.ProviderSignIns;
import org.openicr.web.session.ActiveProfile;

/**
 * The launch page (issue 19, item 2; docs/identity.md, section J): opens the record a verified
 * launch in context asked for, for the person signed in, in the role profile they work in at the
 * launching system, without a search:
 *
 * <ol>
 *   <li>the launch must be for the person signed in (its {@code sub} is their {@code nhsid_useruid});
 *   <li>the role profile is the token's {@code person_roleid}, else the only one, else the one
 *       already chosen, else the person chooses here;
 *   <li>the person is found by NHS Number (audited as a search);
 *   <li>with an asserted relationship, it is declared as the reason (audited as asserted, naming the
 *       launching system) and the summary opens; without one, the reason step opens for that person,
 *       with any relationship the record shows already chosen.
 * </ol>
 *
 * Everything refused is audited (a launch for another user as LAUNCH_REFUSED, a record the rules do
 * not open as a denial, as a search would be) and said in plain English on this page.
 */
@Named
@RequestScoped
public class LaunchBacking {

    @Inject
    HttpSession session;

    @Inject
    ActiveProfile activeProfile;

    @EJB
    PatientFinder finder;

    @EJB
    CareRecord careRecord;

    @EJB
    LaunchingSystems systems;

    private String problem;
    private boolean choosing;
    private PendingLaunch pending;

    /** On the page's GET: open the launch, or say why not, or ask for the role profile. */
    public void open() throws IOException {
        Object said = session.getAttribute(LaunchEntry.PROBLEM);
        if (said instanceof String text) {
            session.removeAttribute(LaunchEntry.PROBLEM);
            problem = text;
            return;
        }
        if (!(session.getAttribute(LaunchEntry.PENDING) instanceof PendingLaunch launch)) {
            redirect("/home.xhtml");
            return;
        }
        pending = launch;
        String signedIn = ProviderSignIns.userUid(session);
        if (signedIn == null || !signedIn.equals(launch.launch().userUid())) {
            session.removeAttribute(LaunchEntry.PENDING);
            systems.refused(launch.iss(), request().getRemoteAddr(), "the launch was for another user");
            problem = signedIn == null
                    ? "Your system opened the shared care record for someone signed in with their NHS identity."
                            + " Sign out, then open the shared record again from your system."
                    : "Your system opened the shared care record for another member of staff. Sign out, then"
                            + " open the shared record again from your system.";
            return;
        }
        Optional<ProfileChoice> profile = profileFor(launch);
        if (profile.isEmpty()) {
            if (activeProfile.available().isEmpty()) {
                session.removeAttribute(LaunchEntry.PENDING);
                problem = "You have no role profile that can be used in the shared care record. Ask your"
                        + " local administrator.";
                return;
            }
            choosing = true;
            return;
        }
        proceed(profile.get());
    }

    /** The role profile chosen on this page when the launch did not name one. */
    public void choose(long profileId) throws IOException {
        if (!(session.getAttribute(LaunchEntry.PENDING) instanceof PendingLaunch launch)) {
            redirect("/home.xhtml");
            return;
        }
        pending = launch;
        Optional<ProfileChoice> chosen = activeProfile.available().stream()
                .filter(p -> p.id() == profileId)
                .findFirst();
        if (chosen.isEmpty()) {
            choosing = true;
            return;
        }
        proceed(chosen.get());
    }

    private Optional<ProfileChoice> profileFor(PendingLaunch launch) {
        List<ProfileChoice> available = activeProfile.available();
        String roleId = launch.launch().personRoleId();
        if (roleId != null) {
            // The profile the clinician works in at the launching system; one they do not hold is not used.
            return available.stream()
                    .filter(p -> roleId.equals(p.personRoleId()))
                    .findFirst();
        }
        if (available.size() == 1) {
            return Optional.of(available.get(0));
        }
        return activeProfile.isChosen() ? Optional.of(activeProfile.getCurrent()) : Optional.empty();
    }

    private void proceed(ProfileChoice profile) throws IOException {
        session.removeAttribute(LaunchEntry.PENDING);
        PendingLaunch launch = pending;
        activeProfile.choose(profile.id());
        String nhsNumber = launch.launch().nhsNumber();
        try {
            Optional<PatientSummary> found = finder.byNhsNumber(profile.id(), nhsNumber);
            if (found.isEmpty()) {
                problem = "There is no record in the shared care record for the NHS Number your system sent ("
                        + NhsNumber.of(nhsNumber).formatted() + ").";
                return;
            }
            long person = found.get().personId();
            if (launch.launch().assertsRelationship()) {
                careRecord.declareAssertedReason(profile.id(), person, launch.assertedBy());
                redirect("/record/view.xhtml?person=" + person);
            } else {
                redirect("/record/reason.xhtml?person=" + person);
            }
        } catch (IcrException refused) {
            // Refused and audited by the boundary; its reason is written for the reader.
            problem =
                    "The shared care record cannot be opened for this person from your system: " + refused.getMessage();
        } catch (EJBAccessException notForRole) {
            problem = "The role you work in (" + profile.label() + ") may not open records in the shared"
                    + " care record.";
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private static void redirect(String page) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    public String getProblem() {
        return problem;
    }

    public boolean isChoosing() {
        return choosing;
    }

    /** The launching system's name, for the page's wording. */
    public String getSystemName() {
        return pending == null ? null : pending.systemName();
    }
}
