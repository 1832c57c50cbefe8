package org.openicr.audit.boundary;

import java.io.Serializable;

/**
 * What a verification of the audit hash chain found, for the page: how many seals it checked, the
 * first event whose seal does not match (null when the chain is intact; -1 when there are more seals
 * than events) and how many events older than a minute are not sealed yet.
 */
public record ChainVerification(long sealsChecked, Long firstBrokenEventId, long unsealedOlderThanAMinute)
        implements Serializable {

    public boolean intact() {
        return firstBrokenEventId == null;
    }
}
