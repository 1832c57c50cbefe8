/**
 * The patient index: one person per NHS Number, with the demographics the sources send. The NHS
 * Number is a value object that cannot exist without passing the Modulus 11 check.
 */
package org.openicr.patient;
