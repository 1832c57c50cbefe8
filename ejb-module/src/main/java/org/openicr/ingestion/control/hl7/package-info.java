/**
 * HL7 v2 (ER7) mapping: turns one received message into the commands the shared record applies
 * (upsert a person, upsert or cancel an item, merge two persons), or into a clear "not used" or
 * "rejected" answer. {@link org.openicr.ingestion.control.hl7.Hl7Mapper} is the entry point; the
 * rules per message type are written down in docs/hl7v2-mapping.md.
 */
package org.openicr.ingestion.control.hl7;
