package org.openicr.patient.entity;

/** Administrative gender as PDS and HL7 carry it. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
