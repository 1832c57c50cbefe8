package org.openicr.web.fhir.mapping;

import java.time.Instant;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Reference;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/**
 * SOCIAL_CARE as UKCore-EpisodeOfCare (docs/fhir.md): the council's involvement, its allocated
 * worker as the participant of a contained UKCore-CareTeam (with the team's name and how to contact
 * it), the council as managing organisation. No store holds the worker as a Practitioner, so the
 * team is contained, not a resource of its own. EpisodeOfCare has no note: free text is not carried.
 */
public final class EpisodeOfCareMapping {

    static final String CARE_TEAM_ID = "careteam";

    private EpisodeOfCareMapping() {}

    public static EpisodeOfCare map(ItemView item, long patientId, Instant now) {
        EpisodeOfCare episode = Items.common(new EpisodeOfCare(), item, "EpisodeOfCare");
        episode.setPatient(Items.subject(patientId));
        episode.addType(Items.code(item));
        if (item.withheld()) {
            // Status is required and has no "unknown": the rule for an episode without a status, on
            // its dates (which the page shows for a withheld item too).
            episode.setStatus(status(item, now));
            return episode;
        }
        episode.setStatus(status(item, now));
        episode.setPeriod(Items.period(item));
        episode.setManagingOrganization(Items.organisation(item.sourceOrganisation()));
        String worker = item.detail(ItemDetail.ALLOCATED_WORKER);
        String team = item.detail(ItemDetail.TEAM);
        String phone = item.detail(ItemDetail.CONTACT_PHONE);
        if (worker != null || team != null || phone != null) {
            CareTeam careTeam = new CareTeam();
            careTeam.setId(CARE_TEAM_ID);
            careTeam.getMeta().addProfile(Items.PROFILE_BASE + "CareTeam");
            careTeam.setStatus(CareTeam.CareTeamStatus.ACTIVE);
            careTeam.setSubject(Items.subject(patientId));
            careTeam.setName(team);
            if (worker != null) {
                careTeam.addParticipant().setMember(Items.named("Practitioner", worker));
            }
            if (phone != null) {
                careTeam.addTelecom()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(phone);
            }
            careTeam.setManagingOrganization(
                    item.sourceOrganisation() == null
                            ? java.util.List.of()
                            : java.util.List.of(Items.organisation(item.sourceOrganisation())));
            episode.addContained(careTeam);
            episode.addTeam(new Reference("#" + CARE_TEAM_ID));
        }
        return episode;
    }

    /**
     * The source's status when it is one of FHIR's (or said in words), else finished once the
     * episode's end has passed, else active.
     */
    public static EpisodeOfCareStatus status(ItemView item, Instant now) {
        String s = Items.lower(item.status());
        if (s != null) {
            switch (s) {
                case "planned":
                    return EpisodeOfCareStatus.PLANNED;
                case "waitlist", "waiting", "pending":
                    return EpisodeOfCareStatus.WAITLIST;
                case "active", "open", "current", "allocated":
                    return EpisodeOfCareStatus.ACTIVE;
                case "onhold", "on-hold", "suspended":
                    return EpisodeOfCareStatus.ONHOLD;
                case "finished", "closed", "completed", "ended":
                    return EpisodeOfCareStatus.FINISHED;
                case "cancelled":
                    return EpisodeOfCareStatus.CANCELLED;
                default:
                    break;
            }
        }
        return item.effectiveEnd() != null && !item.effectiveEnd().isAfter(now)
                ? EpisodeOfCareStatus.FINISHED
                : EpisodeOfCareStatus.ACTIVE;
    }
}
