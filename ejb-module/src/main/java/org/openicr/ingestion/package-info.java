/**
 * Ingestion: the only way data gets in. Every message a source posts is stored raw in the inbox
 * before it is processed and acknowledged only after its changes commit; a repeat of a message id
 * gets the first answer; items are upserted on (source, source key) with newer-version-wins; bad
 * input is refused with a stable code and stays stored as rejected, visible to administrators.
 * SOAP submissions and HL7 v2 messages (mapped in {@code control.hl7}) meet in the same operations.
 */
package org.openicr.ingestion;
