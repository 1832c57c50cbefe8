package org.openicr.patient.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.openicr.vocabulary.NhsNumber;

/** Stores an {@link NhsNumber} as its ten digits (a varchar, so the unique index is used). */
@Converter(autoApply = true)
public class NhsNumberConverter implements AttributeConverter<NhsNumber, String> {

    @Override
    public String convertToDatabaseColumn(NhsNumber nhsNumber) {
        return nhsNumber == null ? null : nhsNumber.value();
    }

    @Override
    public NhsNumber convertToEntityAttribute(String digits) {
        return digits == null ? null : NhsNumber.of(digits);
    }
}
