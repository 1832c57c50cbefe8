package org.openicr.record.boundary;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.openicr.access.control.RecordReadings;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordFacts;
import org.openicr.audit.entity.Actor;
import org.openicr.directory.control.ActingProfile;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The reader of one call: the role profile the caller acts in, checked as {@link ActingProfile}
 * checks it, and the person, both from the request's one reading of the facts.
 */
record Reader(long roleProfileId, long personId, RecordFacts.ProfileFacts profile, RecordReadings.Reading reading) {

    /**
     * The reader, or the refusal: a profile that is not the caller's or not usable is audited as a
     * denial and refused; a person that does not exist is not found.
     */
    static Reader of(
            RecordReadings readings, PrivacyAlerts alerts, Principal caller, long roleProfileId, long personId) {
        RecordReadings.Reading reading = readings.of(roleProfileId, personId);
        Optional<RecordFacts.ProfileFacts> profile = reading.facts().profile();
        try {
            ActingProfile.check(caller, profile, Instant.now());
        } catch (IcrException refused) {
            alerts.denied(Actor.account(caller.getName()), personId, "role profile refused");
            throw refused;
        }
        if (reading.facts().person().isEmpty()) {
            // An address naming no record (a mistyped or guessed id): refused and audited like any other
            // refusal, with the id asked for (a number, no patient data), in a transaction of its own.
            RecordFacts.ProfileFacts reader = profile.orElseThrow();
            alerts.denied(
                    new Actor(
                            reader.username(),
                            reader.access().roleCode(),
                            reader.access().organisationOdsCode()),
                    personId,
                    "open record: no such record");
            throw new IcrException(ErrorCode.NOT_FOUND, "No such record.");
        }
        return new Reader(roleProfileId, personId, profile.orElseThrow(), reading);
    }

    AccessProfile access() {
        return profile.access();
    }

    Actor actor() {
        return new Actor(profile.username(), access().roleCode(), access().organisationOdsCode());
    }

    /** The request's one decision on the stored facts. */
    RecordDecision decision() {
        return reading.decision();
    }
}
