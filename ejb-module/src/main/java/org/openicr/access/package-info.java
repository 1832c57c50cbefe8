/**
 * The access decision: for a member of staff acting in one role profile, which of a person's
 * record they may read, for which declared legitimate reason, and which privacy-officer alerts
 * that access raises. Every read path asks it before or inside its query, never by filtering
 * what it has already loaded.
 */
package org.openicr.access;
