/**
 * Who is who: organisations (by ODS code, sharing or view-only), user accounts with their
 * smartcard-style role profiles, NHS RBAC job roles, and the source systems that feed the record.
 * Also owns sign-in: credential checks, lockout after repeated failures and the unlock path.
 */
package org.openicr.directory;
