package org.openicr.tools.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openicr.tools.region.RegionGenerator.Person;
import org.openicr.tools.region.Template.Holder;
import org.openicr.tools.region.Template.Item;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * The items of a person that Synthea does not model: contacts (next of kin, carer, care team), social
 * care (assessments, services, reviews with the allocated worker), safeguarding, and appointments
 * booked in the future.
 */
final class PersonExtras {

    private PersonExtras() {}

    private static final String[] ADULT_SOCIAL_CARE = {
        "Care Act needs assessment",
        "Care and support plan review",
        "Home care package: two visits a day",
        "Occupational therapy assessment",
        "Carer's assessment",
        "Direct payment agreed",
        "Reablement service",
        "Respite care arranged",
        "Equipment provided: grab rails and perching stool",
        "Meals at home service",
        "Telecare alarm installed",
        "Residential care placement review"
    };

    private static final String[] CHILD_SOCIAL_CARE = {
        "Child in need assessment",
        "Early help plan",
        "Team around the family meeting",
        "Child in need plan review",
        "Family support worker allocated"
    };

    private static final String[] ADULT_SAFEGUARDING = {
        "Adult safeguarding concern raised", "Section 42 enquiry opened", "Safeguarding strategy meeting",
        "Safeguarding plan review", "Domestic abuse risk assessment (DASH) completed", "MARAC referral"
    };

    private static final String[] CHILD_SAFEGUARDING = {
        "Child protection plan",
        "Initial child protection conference",
        "Child protection review conference",
        "Strategy discussion",
        "Looked after child review"
    };

    private static final String[] WORKERS = {
        "Sam Patel", "Jo Whitaker", "Alex Mensah", "Chris Dunn", "Priya Shah", "Morgan Ellis", "Kim Obi", "Robin Hale"
    };

    static List<Item> items(Person p, SplittableRandom r, long referenceSecond) {
        List<Item> items = new ArrayList<>();
        long now = referenceSecond;
        boolean alive = p.deathDay() == Long.MIN_VALUE;
        long lastAlive = alive ? now : p.deathDay() * 86_400L;
        int age = p.ageAt(referenceSecond / 86_400L);
        boolean child = age < 18;
        String council = p.council() == 0 ? "North Avon Council" : "South Avon Council";
        String councilPhone = p.council() == 0 ? "0117 496 0300" : "0117 496 0400";

        // Contacts: next of kin, the registered GP, sometimes a carer.
        String kinGiven = Names.given(r, r.nextBoolean());
        String relationship = child
                ? (r.nextBoolean() ? "Mother" : "Father")
                : age > 70 ? (r.nextBoolean() ? "Daughter" : "Son") : (r.nextInt(3) == 0 ? "Partner" : "Spouse");
        items.add(item(
                RegionCategory.CONTACTS,
                Holder.GP,
                lastAlive - days(r, 3650),
                "active",
                "Next of kin: " + kinGiven + " " + p.family(),
                ordered(ItemDetail.RELATIONSHIP.key(), relationship, ItemDetail.CONTACT_PHONE.key(), Names.phone(r))));
        items.add(item(
                RegionCategory.CONTACTS,
                Holder.GP,
                lastAlive - days(r, 3650),
                "active",
                "Registered GP practice: " + p.practice().name(),
                ordered(
                        ItemDetail.RELATIONSHIP.key(),
                        "GP practice",
                        ItemDetail.CONTACT_PHONE.key(),
                        "0117 496 0"
                                + String.format(
                                        "%03d", Math.floorMod(p.practice().ods().hashCode(), 1000)))));
        if (age >= 70 && r.nextInt(3) == 0) {
            items.add(item(
                    RegionCategory.CONTACTS,
                    Holder.COUNCIL,
                    lastAlive - days(r, 1500),
                    "active",
                    "Carer: " + Names.given(r, r.nextBoolean()) + " " + Names.family(r),
                    ordered(
                            ItemDetail.RELATIONSHIP.key(),
                            "Paid carer",
                            ItemDetail.CONTACT_PHONE.key(),
                            Names.phone(r))));
        }

        if (p.socialCare()) {
            String worker = WORKERS[r.nextInt(WORKERS.length)];
            String team =
                    child ? "Children's Social Care" : "Adult Social Care " + (p.council() == 0 ? "North" : "South");
            items.add(item(
                    RegionCategory.CONTACTS,
                    Holder.COUNCIL,
                    lastAlive - days(r, 700),
                    "active",
                    "Allocated social worker: " + worker,
                    ordered(
                            ItemDetail.RELATIONSHIP.key(),
                            "Social worker",
                            ItemDetail.TEAM.key(),
                            team,
                            ItemDetail.CONTACT_PHONE.key(),
                            councilPhone)));
            int count = RegionGenerator.isHeavy(p.seq()) ? 30 + r.nextInt(30) : 3 + r.nextInt(10);
            String[] titles = child ? CHILD_SOCIAL_CARE : ADULT_SOCIAL_CARE;
            for (int i = 0; i < count; i++) {
                long at = lastAlive - days(r, 5 * 365);
                boolean open = r.nextInt(4) == 0;
                items.add(item(
                        RegionCategory.SOCIAL_CARE,
                        Holder.COUNCIL,
                        at,
                        open ? "open" : "closed",
                        titles[r.nextInt(titles.length)] + " - " + council,
                        ordered(
                                ItemDetail.ALLOCATED_WORKER.key(),
                                worker,
                                ItemDetail.CONTACT_PHONE.key(),
                                councilPhone,
                                ItemDetail.TEAM.key(),
                                team)));
            }
        }
        if (p.safeguarding()) {
            int count = RegionGenerator.isHeavy(p.seq()) ? 10 + r.nextInt(10) : 1 + r.nextInt(3);
            String[] titles = child ? CHILD_SAFEGUARDING : ADULT_SAFEGUARDING;
            for (int i = 0; i < count; i++) {
                long at = lastAlive - days(r, 4 * 365);
                Holder holder = r.nextInt(4) == 0 ? Holder.GP : Holder.COUNCIL;
                items.add(item(
                        RegionCategory.SAFEGUARDING,
                        holder,
                        at,
                        r.nextInt(3) == 0 ? "open" : "closed",
                        titles[r.nextInt(titles.length)],
                        ordered(
                                ItemDetail.TEAM.key(),
                                child ? "Children's Safeguarding Hub" : "Adult Safeguarding Hub",
                                ItemDetail.CONTACT_PHONE.key(),
                                councilPhone)));
            }
        }
        boolean heavy = RegionGenerator.isHeavy(p.seq());
        // Care planning (issue 18): frailty and ReSPECT for a share of the over-75s, adjustments for a
        // few people of any age; the heavy people of the load shape have both, so every category is met.
        if (heavy || (age >= 75 && r.nextInt(3) == 0)) {
            int score = heavy ? 6 : 4 + r.nextInt(5);
            items.add(item(
                    RegionCategory.CARE_PLANS,
                    Holder.GP,
                    lastAlive - days(r, 365),
                    "active",
                    "Clinical Frailty Scale " + score,
                    ordered(
                            ItemDetail.PLAN_TYPE.key(),
                            "frailty",
                            ItemDetail.FRAILTY_SCORE.key(),
                            Integer.toString(score))));
            if (heavy || score >= 6) {
                boolean notForCpr = heavy || r.nextInt(4) > 0;
                items.add(item(
                        RegionCategory.CARE_PLANS,
                        Holder.GP,
                        lastAlive - days(r, 730),
                        "active",
                        notForCpr ? "ReSPECT form: do not attempt CPR" : "ReSPECT form: for CPR",
                        ordered(
                                ItemDetail.PLAN_TYPE.key(),
                                "respect",
                                ItemDetail.CPR_DECISION.key(),
                                notForCpr ? "not-for-cpr" : "for-cpr",
                                ItemDetail.FORM_LOCATION.key(),
                                "Original with the patient at home",
                                ItemDetail.DECIDED_BY.key(),
                                "GP, " + p.practice().name())));
            }
        }
        if (heavy || r.nextInt(40) == 0) {
            String[][] adjustments = {
                {"communication", "Needs information in easy read"},
                {"access-mobility", "Wheelchair user: ground floor room and accessible toilet"},
                {"sensory", "Deaf: British Sign Language interpreter for every appointment"},
                {"cognitive-learning", "Learning disability: longer appointment, first or last of the day"},
                {"carer-companion", "Bring their carer into every consultation"}
            };
            String[] a = adjustments[r.nextInt(adjustments.length)];
            items.add(item(
                    RegionCategory.ADJUSTMENTS,
                    Holder.GP,
                    lastAlive - days(r, 1500),
                    "active",
                    a[1],
                    ordered(ItemDetail.ADJUSTMENT_CATEGORY.key(), a[0])));
        }
        if (alive) {
            int booked = r.nextInt(3);
            for (int i = 0; i < booked; i++) {
                long at = now + 86_400L * (1 + r.nextInt(90)) + 3600L * (8 + r.nextInt(9));
                boolean gp = r.nextInt(3) > 0;
                items.add(item(
                        RegionCategory.APPOINTMENTS,
                        gp ? Holder.GP : Holder.ACUTE,
                        at,
                        "booked",
                        gp ? "GP appointment: medication review" : "Outpatient appointment: follow-up",
                        ordered(
                                ItemDetail.LOCATION.key(), gp ? p.practice().name() : "Outpatients, Avon Vale Hospital",
                                ItemDetail.CLINICIAN.key(), gp ? "GP" : "Consultant")));
            }
        }
        // Immunisations (issue 21): the seasonal flu vaccination of the over-65s and of the heavy people
        // of the load shape (so that every category is met), given by the GP practice. Drawn last, so
        // that the earlier categories' draws are those of the generator before this category.
        if (heavy || age >= 65) {
            items.add(item(
                    RegionCategory.IMMUNISATIONS,
                    Holder.GP,
                    lastAlive - days(r, 365),
                    "completed",
                    "Influenza vaccination",
                    ordered(
                            ItemDetail.LOT_NUMBER.key(),
                            "FLU" + (1000 + r.nextInt(9000)),
                            ItemDetail.ROUTE.key(),
                            "Intramuscular",
                            ItemDetail.SITE.key(),
                            "Left deltoid")));
        }
        return items;
    }

    private static long days(SplittableRandom r, int maxDays) {
        return 86_400L * r.nextInt(Math.max(1, maxDays)) + r.nextInt(86_400);
    }

    private static Item item(
            RegionCategory category, Holder holder, long at, String status, String title, Map<String, String> details) {
        return SyntheaCohort.item(
                category,
                holder,
                at,
                Long.MIN_VALUE,
                status,
                null,
                null,
                title,
                null,
                Sensitivity.NORMAL.name(),
                details,
                null);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
