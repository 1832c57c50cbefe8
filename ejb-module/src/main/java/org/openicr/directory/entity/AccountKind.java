package org.openicr.directory.entity;

/** A person who signs in to the browser, or a source system's account that posts over SOAP. */
public enum AccountKind {
    PERSON,
    SYSTEM
}
