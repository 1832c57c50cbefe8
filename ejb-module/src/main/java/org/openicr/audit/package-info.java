/**
 * The audit trail: who did what to whose record, when, in which role and for what purpose. Events
 * for successful actions commit with the action; events for denials and failures commit on their
 * own, so a refusal is never lost with the rolled-back work.
 */
package org.openicr.audit;
