package org.openicr.directory.entity;

import java.io.Serializable;

/**
 * A clinician's own system a region trusts to launch records in context (issue 19, item 2; db/V26):
 * its iss, the address of its published keys, the organisation that runs it, and whether its
 * launches are accepted.
 */
public record LaunchingSystem(long id, String name, String iss, String jwksUri, String odsCode, boolean active)
        implements Serializable {}
