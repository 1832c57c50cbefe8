package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.ingestion.control.PersonIndex;
import org.openicr.ingestion.control.PersonLookup;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.DemographicsPrecedence;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * For administrators: each source's own version of a person's demographics, in precedence order,
 * and which source supplied each field the person shows (issue 16). Every look-up is audited as
 * DEMOGRAPHICS_SOURCES_VIEWED, a look-up that finds nobody too.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class DemographicsBySource {

    /** One source's version as the page shows it. */
    public record Version(
            String sourceCode,
            String organisationOds,
            String rank,
            Instant lastUpdated,
            Instant receivedAt,
            String name,
            LocalDate dateOfBirth,
            String gender,
            LocalDate dateOfDeath,
            String address,
            String phone,
            String gpPractice,
            String restricted,
            String supplies)
            implements Serializable {}

    /** The person as shown, and every source's version. */
    public record View(long personId, String nhsNumber, String shownName, boolean restricted, List<Version> versions)
            implements Serializable {}

    @Resource
    SessionContext session;

    @Inject
    PersonIndex index;

    @Inject
    PersonLookup lookup;

    @EJB
    AuditTrail audit;

    public View forNhsNumber(String nhsNumber) {
        NhsNumber nhs = NhsNumber.of(nhsNumber);
        Actor actor = Actor.account(session.getCallerPrincipal().getName());
        Optional<PersonLookup.Found> person = lookup.byNhsNumber(nhs);
        if (person.isEmpty()) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.DEMOGRAPHICS_SOURCES_VIEWED,
                    AuditOutcome.FAILURE,
                    actor,
                    null,
                    "demographics by source: no person with NHS Number " + nhs.value()));
            throw new IcrException(ErrorCode.NOT_FOUND, "No person has NHS Number " + nhs.formatted() + ".");
        }
        long personId = person.get().personId();
        List<DemographicsPrecedence.SourceVersion> versions = DemographicsPrecedence.ordered(index.versions(personId));
        Map<Long, String> supplies = Map.of();
        if (!versions.isEmpty()) {
            supplies = DemographicsPrecedence.shown(versions).suppliedBy().entrySet().stream()
                    .collect(Collectors.groupingBy(
                            Map.Entry::getValue, Collectors.mapping(e -> label(e.getKey()), Collectors.joining(", "))));
        }
        List<Version> rows = new ArrayList<>();
        for (DemographicsPrecedence.SourceVersion v : versions) {
            Demographics d = v.demographics();
            List<String> address = new ArrayList<>(d.addressLines());
            if (d.postcode() != null) {
                address.add(d.postcode());
            }
            rows.add(new Version(
                    v.sourceCode(),
                    v.organisationOds(),
                    switch (v.rank()) {
                        case 0 -> "authoritative for demographics";
                        case 1 -> "registered GP practice";
                        default -> "other source";
                    },
                    v.sourceUpdatedAt(),
                    v.receivedAt(),
                    (d.title() == null ? "" : d.title() + " ") + d.givenNames() + " " + d.familyName(),
                    d.dateOfBirth(),
                    d.gender().name().toLowerCase(),
                    d.dateOfDeath(),
                    String.join(", ", address),
                    d.phone(),
                    d.gpPracticeOds(),
                    d.restricted() == null ? "not stated" : d.restricted() ? "yes" : "no",
                    supplies.getOrDefault(v.sourceSystemId(), "")));
        }
        audit.record(new AuditEvent(
                AuditAction.DEMOGRAPHICS_SOURCES_VIEWED,
                AuditOutcome.SUCCESS,
                actor,
                personId,
                "demographics by source viewed: " + rows.size() + " source version(s)"));
        return new View(
                personId,
                nhs.formatted(),
                lookup.shownName(personId),
                person.get().restricted(),
                rows);
    }

    private static String label(DemographicsPrecedence.Field field) {
        return field.name().toLowerCase().replace('_', ' ');
    }
}
