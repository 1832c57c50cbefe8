package org.openicr.access.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.PurposeOfUse;

/** The answer for one person's record: permitted with a read scope, or refused with a reason. */
public sealed interface RecordDecision permits RecordDecision.Permitted, RecordDecision.Refused {

    boolean isPermitted();

    /** The permit, or the refusal thrown as the domain's exception (audit the refusal first). */
    Permitted orElseThrow();

    /**
     * The record may be read within {@code scope}.
     *
     * @param purposesOfUse the HL7 v3 ActReason codes for the audit, the purpose first
     * @param alerts the privacy-officer alerts this access raises; empty for an ordinary access
     * @param categoryAccess an answer for every category, so the page can say "not available to your role"
     */
    record Permitted(
            ReadScope scope,
            LegitimateReason reason,
            List<PurposeOfUse> purposesOfUse,
            Set<PrivacyAlert> alerts,
            Map<Category, CategoryAccess> categoryAccess)
            implements RecordDecision {

        public Permitted {
            Objects.requireNonNull(scope, "A scope is required.");
            Objects.requireNonNull(reason, "The reason is required.");
            purposesOfUse = List.copyOf(purposesOfUse);
            EnumSet<PrivacyAlert> alertCopy = EnumSet.noneOf(PrivacyAlert.class);
            alertCopy.addAll(alerts);
            alerts = Collections.unmodifiableSet(alertCopy);
            Map<Category, CategoryAccess> accessCopy = new EnumMap<>(Category.class);
            accessCopy.putAll(categoryAccess);
            if (accessCopy.size() != Category.values().length) {
                throw new IllegalArgumentException("Every category needs an answer.");
            }
            categoryAccess = Collections.unmodifiableMap(accessCopy);
        }

        public PurposeOfUse purposeOfUse() {
            return purposesOfUse.get(0);
        }

        public CategoryAccess accessTo(Category category) {
            return categoryAccess.get(category);
        }

        /** For a page or a document viewer that asks for one category by itself. */
        public Optional<Refusal> refusalFor(Category category) {
            return scope.permits(category)
                    ? Optional.empty()
                    : Optional.of(Refusal.of(RefusalCode.CATEGORY_NOT_PERMITTED));
        }

        @Override
        public boolean isPermitted() {
            return true;
        }

        @Override
        public Permitted orElseThrow() {
            return this;
        }
    }

    record Refused(Refusal refusal) implements RecordDecision {

        public Refused {
            Objects.requireNonNull(refusal, "A refusal is required.");
        }

        public RefusalCode code() {
            return refusal.code();
        }

        @Override
        public boolean isPermitted() {
            return false;
        }

        @Override
        public Permitted orElseThrow() {
            throw refusal.toException();
        }
    }
}
