/**
 * The one access decision and its facts: {@code AccessDecision} is plain Java, unit tested without a
 * container, holding no state and reading no database; {@code AccessFacts} reads everything a record
 * decision needs in one statement, {@code RecordReadings} keeps that reading and its decision for the
 * rest of the request, and the stores ({@code AccessRecords}, {@code MatrixStore}) write reasons,
 * seal breaks and the matrix.
 */
package org.openicr.access.control;
