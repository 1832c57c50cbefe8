package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.CareRelationship;
import org.openicr.access.entity.PersonDetails;
import org.openicr.access.entity.RelationshipCandidate;
import org.openicr.access.entity.RelationshipFacts;
import org.openicr.access.entity.RelationshipKind;
import org.openicr.access.entity.RelationshipRule;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.SharingMode;

/**
 * Issue 19, item 3: the care relationship rules (db/V24's seed, the same rows here) as tables: who
 * is offered which relationship, from which item, and when none. Beside the access decision's tables:
 * the relationship only chooses the default reason; {@link #aRelationshipIsOnlyOfferedForAReasonTheReaderIsOffered}
 * shows that it follows the reasons the decision offers (an opted-out person, a role's reasons).
 */
class CareRelationshipsTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final long PRACTICE = 20;
    static final long TRUST = 10;
    static final long COUNCIL = 30;
    static final long OTHER = 99;

    /** The rules V24 seeds. */
    static final List<RelationshipRule> SEEDED = List.of(
            rule(
                    1,
                    "REGISTERED_PRACTICE",
                    RelationshipKind.REGISTERED_PRACTICE,
                    Set.of(),
                    null,
                    Set.of(),
                    0,
                    0,
                    10,
                    "Registered at your practice"),
            rule(
                    2,
                    "RECENT_ENCOUNTER",
                    RelationshipKind.ORGANISATION_ITEM,
                    Set.of(Category.ENCOUNTERS),
                    null,
                    Set.of("cancelled", "entered-in-error"),
                    90,
                    0,
                    20,
                    "Seen by your organisation"),
            rule(
                    3,
                    "APPOINTMENT",
                    RelationshipKind.ORGANISATION_ITEM,
                    Set.of(Category.APPOINTMENTS),
                    null,
                    Set.of("cancelled", "entered-in-error"),
                    90,
                    90,
                    30,
                    "Appointment with your organisation"),
            rule(
                    4,
                    "REFERRAL",
                    RelationshipKind.ORGANISATION_ITEM,
                    Set.of(Category.REFERRALS),
                    null,
                    Set.of("cancelled", "rejected", "entered-in-error", "revoked"),
                    180,
                    0,
                    40,
                    "Referral recorded by your organisation"),
            rule(
                    5,
                    "SOCIAL_CARE_ALLOCATION",
                    RelationshipKind.ORGANISATION_ITEM,
                    Set.of(Category.SOCIAL_CARE),
                    "allocatedWorker",
                    Set.of("closed", "cancelled", "entered-in-error"),
                    365,
                    0,
                    15,
                    "Allocated social care worker at your council"));

    static RelationshipRule rule(
            int id,
            String code,
            RelationshipKind kind,
            Set<Category> categories,
            String detail,
            Set<String> excluded,
            int back,
            int ahead,
            int priority,
            String description) {
        return new RelationshipRule(
                id,
                code,
                kind,
                categories,
                detail,
                excluded,
                back,
                ahead,
                LegitimateReason.ONGOING_CARE,
                Set.of(),
                priority,
                description,
                true);
    }

    static AccessProfile profile(String role, long organisation, String ods) {
        return new AccessProfile(role, organisation, ods, true, SharingMode.SHARE_AND_VIEW, false, false);
    }

    static PersonDetails person(String gpOds, String gpName) {
        return new PersonDetails(
                1,
                "9990000018",
                "Mr",
                "Arthur",
                "PENDLETON",
                LocalDate.of(1940, 1, 1),
                null,
                "MALE",
                List.of(),
                null,
                null,
                gpOds,
                gpName);
    }

    /** One item: "ORG CATEGORY DAYS STATUS [DETAIL]", DAYS before now (negative: after now). */
    static RelationshipCandidate item(long organisation, Category category, int daysAgo, String status, String detail) {
        return new RelationshipCandidate(organisation, category, NOW.minus(Duration.ofDays(daysAgo)), status, detail);
    }

    static final Set<LegitimateReason> EVERY = EnumSet.allOf(LegitimateReason.class);

    private static String infer(
            AccessProfile profile,
            PersonDetails person,
            List<RelationshipCandidate> items,
            Set<LegitimateReason> offered) {
        return infer(SEEDED, profile, person, items, offered);
    }

    /** The rule's code and the relationship's words, or NONE. Each item rule is given every item (the facts' query filters). */
    private static String infer(
            List<RelationshipRule> rules,
            AccessProfile profile,
            PersonDetails person,
            List<RelationshipCandidate> items,
            Set<LegitimateReason> offered) {
        Map<Integer, List<RelationshipCandidate>> candidates = new java.util.HashMap<>();
        for (RelationshipRule rule : rules) {
            candidates.put(
                    rule.id(),
                    items.stream()
                            .filter(i -> rule.categories().contains(i.category()))
                            .sorted((a, b) -> b.at().compareTo(a.at()))
                            .toList());
        }
        return new CareRelationships()
                .infer(
                        new RelationshipFacts(organisationName(profile), rules, candidates),
                        profile,
                        person,
                        offered,
                        NOW)
                .map(r -> r.ruleCode() + ": " + r.description())
                .orElse("NONE");
    }

    private static String organisationName(AccessProfile profile) {
        return switch (profile.organisationOdsCode()) {
            case "RX901" -> "Avon Vale Hospitals";
            case "LA901" -> "North Avon Council";
            case "Y90001" -> "Riverside Medical Practice";
            default -> null;
        };
    }

    private static List<RelationshipCandidate> items(String table) {
        List<RelationshipCandidate> items = new ArrayList<>();
        if (table.isBlank()) {
            return items;
        }
        for (String one : table.split(";")) {
            String[] f = one.strip().split(" ");
            long organisation =
                    switch (f[0]) {
                        case "TRUST" -> TRUST;
                        case "PRACTICE" -> PRACTICE;
                        case "COUNCIL" -> COUNCIL;
                        default -> OTHER;
                    };
            items.add(item(
                    organisation,
                    Category.valueOf(f[1]),
                    Integer.parseInt(f[2]),
                    f.length > 3 && !f[3].equals("-") ? f[3] : null,
                    f.length > 4 ? f[4] : null));
        }
        return items;
    }

    private static AccessProfile reader(String who) {
        return switch (who) {
            case "GP" -> profile("R8000", PRACTICE, "Y90001");
            case "RECEPTION" -> profile("R8009", PRACTICE, "Y90001");
            case "NURSE" -> profile("R8001", TRUST, "RX901");
            case "SOCIAL" -> profile("R0243", COUNCIL, "LA901");
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0}, registered at {1}, items [{2}]: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Registered with the reader's practice: the practice's staff, clinician or receptionist.
                "GP        | Y90001 |                                        | REGISTERED_PRACTICE: Registered at your practice, Riverside Medical Practice",
                "RECEPTION | y90001 |                                        | REGISTERED_PRACTICE: Registered at your practice, Riverside Medical Practice",
                "GP        | Y90002 |                                        | NONE",
                "GP        |        |                                        | NONE",
                // The trust's nurse: an encounter with the trust in the last 90 days.
                "NURSE     | Y90001 | TRUST ENCOUNTERS 30 finished           | RECENT_ENCOUNTER: Seen by your organisation, Avon Vale Hospitals, 7 November 2026",
                "NURSE     | Y90001 | TRUST ENCOUNTERS 90 finished           | RECENT_ENCOUNTER: Seen by your organisation, Avon Vale Hospitals, 8 September 2026",
                "NURSE     | Y90001 | TRUST ENCOUNTERS 91 finished           | NONE",
                "NURSE     | Y90001 | OTHER ENCOUNTERS 2 finished            | NONE",
                "NURSE     | Y90001 | TRUST ENCOUNTERS 2 cancelled           | NONE",
                "NURSE     | Y90001 | TRUST ENCOUNTERS 2 Entered_In_Error    | NONE",
                "NURSE     | Y90001 | TRUST ENCOUNTERS 2 -                   | RECENT_ENCOUNTER: Seen by your organisation, Avon Vale Hospitals, 5 December 2026",
                // The newest that counts: a cancelled one is passed over for an older one.
                "NURSE     | Y90001 | TRUST ENCOUNTERS 1 cancelled; TRUST ENCOUNTERS 10 finished | RECENT_ENCOUNTER: Seen by your organisation, Avon Vale Hospitals, 27 November 2026",
                // Appointments: booked in the next 90 days or held in the last 90.
                "NURSE     | Y90001 | TRUST APPOINTMENTS -40 booked          | APPOINTMENT: Appointment with your organisation, Avon Vale Hospitals, 16 January 2027",
                "NURSE     | Y90001 | TRUST APPOINTMENTS -91 booked          | NONE",
                "NURSE     | Y90001 | TRUST APPOINTMENTS -5 cancelled        | NONE",
                // Referrals: 180 days, not rejected.
                "NURSE     | Y90001 | TRUST REFERRALS 150 active             | REFERRAL: Referral recorded by your organisation, Avon Vale Hospitals, 10 July 2026",
                "NURSE     | Y90001 | TRUST REFERRALS 181 active             | NONE",
                "NURSE     | Y90001 | TRUST REFERRALS 20 rejected            | NONE",
                // An encounter outranks an appointment (priority 20 before 30).
                "NURSE     | Y90001 | TRUST APPOINTMENTS -3 booked; TRUST ENCOUNTERS 60 finished | RECENT_ENCOUNTER: Seen by your organisation, Avon Vale Hospitals, 8 October 2026",
                // The council: a social care item with its allocated worker, in the last year.
                "SOCIAL    | Y90001 | COUNCIL SOCIAL_CARE 60 open Sam_Patel  | SOCIAL_CARE_ALLOCATION: Allocated social care worker at your council, North Avon Council: Sam_Patel, 8 October 2026",
                "SOCIAL    | Y90001 | COUNCIL SOCIAL_CARE 60 open            | NONE",
                "SOCIAL    | Y90001 | COUNCIL SOCIAL_CARE 60 closed Sam_Patel | NONE",
                "SOCIAL    | Y90001 | COUNCIL SOCIAL_CARE 366 open Sam_Patel | NONE",
                "SOCIAL    | Y90001 | OTHER SOCIAL_CARE 10 open Sam_Patel    | NONE",
                // The practice's GP: a registered person needs no item; another practice's person with an
                // encounter at the practice is still known.
                "GP        | Y90002 | PRACTICE ENCOUNTERS 5 finished         | RECENT_ENCOUNTER: Seen by your organisation, Riverside Medical Practice, 2 December 2026",
                "GP        | Y90001 | PRACTICE ENCOUNTERS 5 finished         | REGISTERED_PRACTICE: Registered at your practice, Riverside Medical Practice",
                // Nobody else's items make a relationship.
                "GP        | Y90002 | TRUST ENCOUNTERS 5 finished; COUNCIL SOCIAL_CARE 5 open Sam | NONE",
            })
    void theSeededRules(String who, String gpOds, String items, String expected) {
        String practice = "Y90001".equalsIgnoreCase(gpOds == null ? "" : gpOds) ? "Riverside Medical Practice" : null;
        assertEquals(
                expected,
                infer(reader(who.strip()), person(gpOds, practice), items(items == null ? "" : items), EVERY));
    }

    @ParameterizedTest(name = "offered [{0}]: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // The relationship's reason must be one the step offers the reader: not for an opted-out
                // person (only safeguarding is offered), nor for a role whose reasons leave it out.
                "ONGOING_CARE EXPLICIT_CONSENT | REGISTERED_PRACTICE: Registered at your practice, Riverside Medical Practice",
                "SAFEGUARDING                  | NONE",
                "EXPLICIT_CONSENT              | NONE",
                "''                            | NONE",
            })
    void aRelationshipIsOnlyOfferedForAReasonTheReaderIsOffered(String offered, String expected) {
        Set<LegitimateReason> reasons = EnumSet.noneOf(LegitimateReason.class);
        for (String name : offered.isBlank() ? new String[0] : offered.split(" ")) {
            reasons.add(LegitimateReason.valueOf(name));
        }
        assertEquals(expected, infer(reader("GP"), person("Y90001", "Riverside Medical Practice"), List.of(), reasons));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // As seeded: the GP's registered person.
                "seeded                         | REGISTERED_PRACTICE: Registered at your practice, Riverside Medical Practice",
                // A region switches registration off: the encounter is then the relationship.
                "registration off               | RECENT_ENCOUNTER: Seen by your organisation, Riverside Medical Practice, 2 December 2026",
                // Every rule off: none.
                "all off                        | NONE",
                // A rule for nurses only does not apply to a GP.
                "registration for R8001 only    | RECENT_ENCOUNTER: Seen by your organisation, Riverside Medical Practice, 2 December 2026",
                // A shorter look-back, set by a region, drops the 5-day-old encounter.
                "registration off, 3-day encounters | NONE",
            })
    void theRulesAreData(String change, String expected) {
        List<RelationshipRule> rules = new ArrayList<>();
        for (RelationshipRule r : SEEDED) {
            boolean enabled = r.enabled();
            Set<String> roles = r.roleCodes();
            int back = r.lookBackDays();
            if (r.kind() == RelationshipKind.REGISTERED_PRACTICE && change.contains("registration off")) {
                enabled = false;
            }
            if (change.equals("all off")) {
                enabled = false;
            }
            if (r.kind() == RelationshipKind.REGISTERED_PRACTICE && change.contains("R8001 only")) {
                roles = Set.of("R8001");
            }
            if (r.code().equals("RECENT_ENCOUNTER") && change.contains("3-day")) {
                back = 3;
            }
            rules.add(new RelationshipRule(
                    r.id(),
                    r.code(),
                    r.kind(),
                    r.categories(),
                    r.requiredDetail(),
                    r.excludedStatuses(),
                    back,
                    r.lookAheadDays(),
                    r.reason(),
                    roles,
                    r.priority(),
                    r.description(),
                    enabled));
        }
        assertEquals(
                expected,
                infer(
                        rules,
                        reader("GP"),
                        person("Y90001", "Riverside Medical Practice"),
                        items("PRACTICE ENCOUNTERS 5 finished"),
                        EVERY));
    }

    @Test
    void theAuditNamesTheRuleAndTheKindOfRelationshipButNoClinicalDetail() {
        CareRelationship found = new CareRelationships()
                .infer(
                        new RelationshipFacts(
                                "Avon Vale Hospitals",
                                SEEDED,
                                Map.of(2, List.of(item(TRUST, Category.ENCOUNTERS, 30, "finished", null)))),
                        reader("NURSE"),
                        person("Y90001", "Riverside Medical Practice"),
                        EVERY,
                        NOW)
                .orElseThrow();
        assertEquals(LegitimateReason.ONGOING_CARE, found.reason());
        assertEquals("rule 2 RECENT_ENCOUNTER (ENCOUNTERS of RX901 within 90 days back, 0 ahead)", found.auditText());
    }

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource({"Cancelled, cancelled", "ENTERED_IN_ERROR, entered-in-error", "' did not attend ', did-not-attend"})
    void statusesAreComparedLowerCaseWithHyphens(String stored, String normalised) {
        assertEquals(normalised, RelationshipRule.normalised(stored));
    }
}
