/**
 * The SQL of consent: the stores the consent boundaries call (the opt-out flag and its history,
 * social care consent refusals). No SQL is written in the boundaries.
 */
package org.openicr.consent.control;
