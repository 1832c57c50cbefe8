/**
 * The facts the access decision reads (the acting profile, the role-to-category matrix, the
 * declared reason, the person's opt-out, consent and restriction, inactive organisations) and the
 * answers it gives: a read scope a repository turns into a WHERE clause, refusals with stable
 * codes, purpose-of-use codes and alerts. All are immutable values without persistence.
 */
package org.openicr.access.entity;
