/**
 * The one access decision, in plain Java so it is unit tested without a container. It holds no
 * state and reads no database: callers load the facts, ask it, and query with the scope it gives.
 */
package org.openicr.access.control;
