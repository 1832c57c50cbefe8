package org.openicr.consent.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openicr.platform.NativeRows;

/**
 * The SQL of social care consent to share: the councils of the region and the refusals per person
 * and council (a set with no entity of its own). Runs on the caller's persistence context, so its
 * statements share the transaction and connection of the entities and audit event around them.
 * Rows are read by column name ({@link NativeRows}).
 */
@Dependent
public class SocialCareConsentStore {

    @PersistenceContext
    EntityManager em;

    /** A council: its ODS code and name. */
    public record Council(String odsCode, String name) {}

    /** The councils (local authorities) by name, with their ODS codes. */
    public List<Council> councils() {
        return NativeRows.of(em.createNativeQuery("select ods_code, name from organisation"
                        + " where org_type = 'LOCAL_AUTHORITY' order by name, ods_code"))
                .stream()
                .map(r -> new Council(r.string("ods_code"), r.string("name")))
                .toList();
    }

    /** The ODS codes of the councils whose social care the person refused to share, in order. */
    public List<String> refusals(long personId) {
        return NativeRows.of(em.createNativeQuery("select o.ods_code from social_care_consent_refusal r"
                                + " join organisation o on o.id = r.council_organisation_id where r.person_id = ?"
                                + " order by o.ods_code")
                        .setParameter(1, personId))
                .stream()
                .map(r -> r.string("ods_code"))
                .toList();
    }

    /** The organisation id of the council with this ODS code, if it is one. */
    public Optional<Long> council(String councilOds) {
        return NativeRows.first(em.createNativeQuery(
                                "select id from organisation where ods_code = ? and org_type = 'LOCAL_AUTHORITY'")
                        .setParameter(1, councilOds))
                .map(r -> r.get("id", Number.class).longValue());
    }

    /** Lifts the person's refusal for the council (nothing when there is none). */
    public void consent(long personId, long councilId) {
        em.createNativeQuery(
                        "delete from social_care_consent_refusal where person_id = ? and council_organisation_id = ?")
                .setParameter(1, personId)
                .setParameter(2, councilId)
                .executeUpdate();
    }

    /** Records the person's refusal for the council (nothing when it is already recorded). */
    public void refuse(long personId, long councilId) {
        em.createNativeQuery("insert into social_care_consent_refusal (person_id, council_organisation_id)"
                        + " values (?, ?) on conflict do nothing")
                .setParameter(1, personId)
                .setParameter(2, councilId)
                .executeUpdate();
    }
}
