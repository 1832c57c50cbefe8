/**
 * The care record's items: what the sources hold about a person, in categories (medications,
 * problems, allergies, results, documents, procedures, encounters, appointments, referrals,
 * safeguarding, social care, contacts). Each item belongs to the source that sent it, is upserted
 * on (source, source key) with newer-version-wins, and leaves view when its source withdraws it.
 */
package org.openicr.record;
