/**
 * Consent: the local ICR opt-out and opt-in (recorded with date, who and channel, never deleting
 * anything), explicit consent given with a legitimate reason, and social care consent to share.
 */
package org.openicr.consent;
