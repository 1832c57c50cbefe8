/**
 * Ingestion: how the sources' feeds (SOAP submissions, HL7 v2 messages) become changes to the patient
 * index and the care record. Mapping rules are plain Java in {@code control}, so every rule can be
 * tested without a container; the boundaries apply the mapped changes in one transaction each.
 */
package org.openicr.ingestion;
