/**
 * Classes that break the architecture rules on purpose, for {@code ArchitectureTest} to show that its
 * rules report what they forbid: capabilities {@code alpha} and {@code beta} import each other, a
 * control class reaches a boundary, the web imports a control class and the vocabulary imports a
 * capability. {@code gamma} keeps every rule and must never be reported. Never used by the application.
 */
package org.openicr.archfixture;
