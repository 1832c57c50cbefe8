package org.openicr.vocabulary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The typed details of care planning (ReSPECT and DNACPR decisions, end of life care plans, advance
 * decisions, frailty), reasonable adjustments and carers: their accepted values, the words a person
 * reads for each, and the check a submitted item must pass. A source that sends a value outside
 * these is refused with a fault naming the detail, because a DNACPR decision the record cannot read
 * is worse than none.
 */
public final class CarePlanning {

    /** A coded value of one of the details below: the key sources send, the words people read. */
    public interface Coded {
        String key();

        String label();
    }

    /** What a CARE_PLANS item is (detail planType). */
    public enum PlanType implements Coded {
        RESPECT("respect", "ReSPECT form"),
        DNACPR("dnacpr", "DNACPR decision"),
        END_OF_LIFE("end-of-life", "End of life care plan"),
        ADVANCE_DECISION("advance-decision", "Advance decision to refuse treatment"),
        FRAILTY("frailty", "Frailty assessment");

        private final String key;
        private final String label;

        PlanType(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String label() {
            return label;
        }

        /** ReSPECT forms and DNACPR decisions carry a resuscitation decision. */
        public boolean carriesCprDecision() {
            return this == RESPECT || this == DNACPR;
        }
    }

    /** The resuscitation decision (detail cprDecision). */
    public enum CprDecision implements Coded {
        NOT_FOR_CPR("not-for-cpr", "Do not attempt CPR"),
        FOR_CPR("for-cpr", "For CPR");

        private final String key;
        private final String label;

        CprDecision(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * The categories of the NHS Reasonable Adjustment Flag an adjustment belongs to (detail
     * adjustmentCategory). The item's text says what the adjustment is. Compared with NHS England's
     * adjustment categories (RA-AdjustmentCategory, codes 001-011, the FHIR form of the information
     * standard DAPB4019) in docs/decision-log.md, issue 18: communication is their 001 "Communication
     * support"; the other keys are kept, being what senders already send.
     */
    public enum AdjustmentCategory implements Coded {
        COMMUNICATION("communication", "Communication support"),
        ACCESS_MOBILITY("access-mobility", "Access and mobility"),
        SENSORY("sensory", "Sensory"),
        COGNITIVE_LEARNING("cognitive-learning", "Cognitive or learning"),
        MENTAL_HEALTH("mental-health", "Mental health"),
        CARER_COMPANION("carer-companion", "Carer or companion"),
        OTHER("other", "Other");

        private final String key;
        private final String label;

        AdjustmentCategory(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** On a contact (detail caring): who cares for whom. */
    public enum Caring implements Coded {
        CARER("carer", "Carer of this person"),
        CARED_FOR("cared-for", "Cared for by this person");

        private final String key;
        private final String label;

        Caring(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The Clinical Frailty Scale (Rockwood, version 2.0) runs from 1 (very fit) to 9 (terminally ill). */
    public static final int FRAILTY_SCALE_MAX = 9;

    private CarePlanning() {}

    /** The value of a coded detail as sent ("Not-For-CPR", " dnacpr "), or empty when it is none of them. */
    public static <E extends Enum<E> & Coded> Optional<E> lookup(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.key().equals(key))
                .findFirst();
    }

    /** The words for a coded detail's value; a value the record does not know is shown as sent. */
    public static String words(ItemDetail detail, String value) {
        Optional<? extends Coded> coded =
                switch (detail) {
                    case PLAN_TYPE -> lookup(PlanType.class, value);
                    case CPR_DECISION -> lookup(CprDecision.class, value);
                    case ADJUSTMENT_CATEGORY -> lookup(AdjustmentCategory.class, value);
                    case CARING -> lookup(Caring.class, value);
                    default -> Optional.empty();
                };
        return coded.map(Coded::label).orElse(value);
    }

    /**
     * Refuses an item whose care planning details the record could not read: a CARE_PLANS item needs
     * its planType; a ReSPECT form or DNACPR its cprDecision; a frailty assessment a frailtyScore of 1
     * to 9; an ADJUSTMENTS item its adjustmentCategory; a contact's caring, when sent, must be one of
     * its values; a reviewDate must be a date. The message names the detail and its accepted values.
     */
    public static void check(Category category, Map<String, String> details) {
        String caring = details.get(ItemDetail.CARING.key());
        if (caring != null) {
            coded(Caring.class, ItemDetail.CARING, caring);
        }
        String review = details.get(ItemDetail.REVIEW_DATE.key());
        if (review != null) {
            try {
                LocalDate.parse(review.strip());
            } catch (DateTimeParseException notADate) {
                throw invalid("detail reviewDate must be a date (yyyy-mm-dd).");
            }
        }
        if (category == Category.CARE_PLANS) {
            PlanType type = coded(PlanType.class, ItemDetail.PLAN_TYPE, details.get(ItemDetail.PLAN_TYPE.key()));
            String decision = details.get(ItemDetail.CPR_DECISION.key());
            if (type.carriesCprDecision() || decision != null) {
                coded(CprDecision.class, ItemDetail.CPR_DECISION, decision);
            }
            if (type == PlanType.FRAILTY) {
                frailtyScore(details.get(ItemDetail.FRAILTY_SCORE.key()));
            }
        } else if (category == Category.ADJUSTMENTS) {
            coded(
                    AdjustmentCategory.class,
                    ItemDetail.ADJUSTMENT_CATEGORY,
                    details.get(ItemDetail.ADJUSTMENT_CATEGORY.key()));
        }
    }

    private static <E extends Enum<E> & Coded> E coded(Class<E> type, ItemDetail detail, String value) {
        return lookup(type, value)
                .orElseThrow(() -> invalid("detail " + detail.key()
                        + (value == null ? " is required" : " is not one of its values")
                        + ": send one of "
                        + Arrays.stream(type.getEnumConstants()).map(Coded::key).collect(Collectors.joining(", "))
                        + "."));
    }

    private static void frailtyScore(String value) {
        try {
            int score = Integer.parseInt(value == null ? "" : value.strip());
            if (score >= 1 && score <= FRAILTY_SCALE_MAX) {
                return;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw invalid(
                "detail frailtyScore must be a Clinical Frailty Scale score from 1 to " + FRAILTY_SCALE_MAX + ".");
    }

    private static IcrException invalid(String reason) {
        return new IcrException(ErrorCode.INVALID_INPUT, reason);
    }
}
