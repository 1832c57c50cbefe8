/**
 * What every capability shares: the one unchecked exception tree with its stable error codes, the
 * application role names, and the start-up schema migration.
 */
package org.openicr.platform;
