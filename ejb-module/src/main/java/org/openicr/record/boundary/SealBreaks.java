package org.openicr.record.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.control.AccessFacts;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordRequest;
import org.openicr.access.entity.Refusal;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.ActingProfile;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Breaking the seal of one item that the source withheld: allowed to role profiles that may break
 * seals, with a written justification, once the record itself is open to the reader. The break is
 * stored, audited and alerted to the privacy officer; the access decision then adds the item to
 * the reader's scope for the override period, so the item query itself shows its content.
 */
@Stateless
@RolesAllowed(Roles.RECORD_VIEWER)
public class SealBreaks {

    private static final AccessDecision DECISION = new AccessDecision();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    ActingProfile actingProfile;

    @Inject
    AccessFacts facts;

    @EJB
    AuditTrail audit;

    @EJB
    PrivacyAlerts alerts;

    /** What the seal page may say about the item before the break: its category and source, never its content. */
    public WithheldItem withheld(long roleProfileId, long personId, long itemId) {
        Checked checked = check(roleProfileId, personId, itemId);
        Object[] row = (Object[]) em.createNativeQuery("select i.effective_at, o.name from record_item i"
                        + " join organisation o on o.id = i.organisation_id where i.id = ?")
                .setParameter(1, itemId)
                .getSingleResult();
        return new WithheldItem(
                itemId,
                checked.item().category(),
                row[0] == null ? null : ((Timestamp) row[0]).toInstant(),
                (String) row[1],
                checked.permitted().scope().sealBroken(itemId));
    }

    /** Breaks the seal; refusals are audited as denials and answered with the reason. */
    public void breakSeal(long roleProfileId, long personId, long itemId, String justification) {
        Checked checked = check(roleProfileId, personId, itemId);
        Optional<Refusal> refusal = DECISION.sealBreak(
                facts.profile(roleProfileId),
                checked.permitted().scope(),
                checked.item(),
                AccessDefaults.REASON_POLICY,
                justification);
        if (refusal.isPresent()) {
            alerts.denied(
                    checked.actor(),
                    personId,
                    "break seal of item " + itemId + ": " + refusal.get().code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refusal.get().reason());
        }
        long declarationId = facts.latestDeclaration(roleProfileId, personId)
                .map(AccessFacts.Declared::id)
                .orElseThrow();
        long sealBreakId = ((Number) em.createNativeQuery("insert into seal_break (user_account_id, role_profile_id,"
                                + " person_id, record_item_id, justification) values (?, ?, ?, ?, ?) returning id")
                        .setParameter(1, checked.profile().getAccount().getId())
                        .setParameter(2, roleProfileId)
                        .setParameter(3, personId)
                        .setParameter(4, itemId)
                        .setParameter(5, justification.strip())
                        .getSingleResult())
                .longValue();
        audit.record(new AuditEvent(
                        AuditAction.SEAL_BROKEN,
                        AuditOutcome.SUCCESS,
                        checked.actor(),
                        personId,
                        "seal of item " + itemId + " (" + checked.item().category() + ") broken (seal break "
                                + sealBreakId + ", declaration " + declarationId + ")")
                .purposeOfUse(checked.permitted().purposesOfUse().stream()
                        .map(Enum::name)
                        .reduce((a, b) -> a + " " + b)
                        .orElse(null)));
        alerts.raiseSealBreak(checked.actor(), personId, declarationId, sealBreakId);
    }

    private record Checked(RoleProfile profile, Actor actor, RecordDecision.Permitted permitted, ItemFacts item) {}

    /** The record must be open to the reader and the item theirs to see listed; anything else is denied. */
    private Checked check(long roleProfileId, long personId, long itemId) {
        RoleProfile profile;
        try {
            profile = actingProfile.resolve(session.getCallerPrincipal(), roleProfileId);
        } catch (IcrException refused) {
            alerts.denied(Actor.account(session.getCallerPrincipal().getName()), personId, "role profile refused");
            throw refused;
        }
        Actor actor = ActingProfile.actor(profile);
        if (!em.createNativeQuery("select 1 from person where id = ?")
                .setParameter(1, personId)
                .getResultList()
                .iterator()
                .hasNext()) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such person.");
        }
        var access = facts.profile(roleProfileId);
        RecordDecision decision = DECISION.decideRecord(new RecordRequest(
                access,
                facts.matrixFor(access.roleCode()),
                AccessDefaults.REASON_POLICY,
                facts.latestDeclaration(roleProfileId, personId)
                        .map(AccessFacts.Declared::declaration)
                        .orElse(null),
                facts.sealBreaks(roleProfileId, personId),
                facts.person(personId),
                facts.organisations(),
                Instant.now()));
        if (decision instanceof RecordDecision.Refused refused) {
            alerts.denied(actor, personId, "break seal of item " + itemId + ": " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        ItemFacts item = facts.item(personId, itemId)
                .filter(i ->
                        DECISION.visibility(permitted.scope(), i) != org.openicr.access.entity.ItemVisibility.HIDDEN)
                .orElse(null);
        if (item == null) {
            alerts.denied(actor, personId, "break seal of item " + itemId + ": not in the reader's scope");
            throw new IcrException(ErrorCode.NOT_FOUND, "No such item in this record.");
        }
        return new Checked(profile, actor, permitted, item);
    }

    /** A withheld item as the seal page shows it, and whether this reader's break still holds. */
    public record WithheldItem(long id, Category category, Instant effectiveAt, String sourceOrganisation, boolean open)
            implements java.io.Serializable {}
}
