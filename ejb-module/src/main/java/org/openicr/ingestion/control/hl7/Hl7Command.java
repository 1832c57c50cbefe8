package org.openicr.ingestion.control.hl7;

import java.time.Instant;
import java.util.Objects;
import org.openicr.patient.entity.Demographics;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;

/**
 * One change to the shared record that a message asks for. The caller applies the commands of a
 * mapping in order, in one transaction, on behalf of the source that sent the message.
 */
public sealed interface Hl7Command {

    /**
     * Create or update the person in the patient index (the message carried a valid NHS Number), as
     * the source's version of {@code asOf} (MSH-7): an older version than the source sent before
     * changes nothing.
     */
    record UpsertPerson(Demographics demographics, Instant asOf) implements Hl7Command {
        public UpsertPerson {
            Objects.requireNonNull(demographics, "Demographics are required.");
        }
    }

    /**
     * Create or update an item on (source, sourceKey), newer version wins. {@code content} is the
     * document body when the item carries one (a letter, a PDF report), otherwise null.
     */
    record UpsertItem(ItemSubmission item, DocumentContent content) implements Hl7Command {
        public UpsertItem {
            Objects.requireNonNull(item, "An item is required.");
        }
    }

    /**
     * The source withdrew what it recorded (entered in error, cancelled, replaced): the item must
     * leave view. {@code reason} says why in words an auditor can read; it carries no patient data.
     * Applied as a withdrawal at the message's time (MSH-7): ignored when the item held is newer,
     * kept when the item is not held yet ({@code ItemOrdering}).
     */
    record CancelItem(Category category, String sourceKey, String reason) implements Hl7Command {
        public CancelItem {
            Objects.requireNonNull(category, "A category is required.");
            Objects.requireNonNull(sourceKey, "A source key is required.");
            Objects.requireNonNull(reason, "A reason is required.");
        }
    }

    /**
     * The source found two records of one person and merged them (ADT^A40): everything held under
     * {@code retired} now belongs to {@code surviving}.
     */
    record MergePersons(PatientIdentity surviving, PatientIdentity retired) implements Hl7Command {
        public MergePersons {
            Objects.requireNonNull(surviving, "The surviving identity is required.");
            Objects.requireNonNull(retired, "The retired identity is required.");
        }
    }

    /**
     * The source changed its own local identifier for a person (ADT^A47): what it called
     * {@code previous} (MRG-1) it now calls {@code current} (PID-3). Only that source's identifier is
     * relabelled.
     */
    record ChangeIdentifier(LocalIdentifier previous, LocalIdentifier current) implements Hl7Command {
        public ChangeIdentifier {
            Objects.requireNonNull(previous, "The previous identifier is required.");
            Objects.requireNonNull(current, "The new identifier is required.");
        }
    }

    /**
     * The source recorded a visit against the wrong person (ADT^A45): its encounter keyed
     * {@code visitKey} moves to {@code to} (PID). {@code from} is the record MRG-1 names, or null when
     * MRG-1 is empty (the visit then moves from whoever holds it).
     */
    record MoveVisit(PatientIdentity to, PatientIdentity from, String visitKey) implements Hl7Command {
        public MoveVisit {
            Objects.requireNonNull(to, "The person the visit moves to is required.");
            Objects.requireNonNull(visitKey, "The visit is required.");
        }
    }
}
