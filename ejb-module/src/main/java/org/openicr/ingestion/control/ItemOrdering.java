package org.openicr.ingestion.control;

/**
 * The ordering rules of a source's items and withdrawals (issue 21, items 1 and 2), as pure
 * decisions. Versions are the source's own numbers ({@code version}) or times in epoch milliseconds
 * ({@code lastUpdated}, HL7 MSH-7). {@link ItemStore}'s statements apply the same rules in SQL
 * (the upsert's {@code where}); these decide the answers and the withdrawals, and are tested as
 * tables.
 *
 * <ul>
 *   <li>An item is applied when it is at least as new as the stored one: equal versions are ordered
 *       by arrival (a repeated message id never gets this far, so a replay changes nothing).
 *   <li>An item is not applied while a withdrawal of a later version stands (a tombstone), nor of
 *       the same version when the withdrawal came before any item of the key was held (the late
 *       item is the withdrawn one). A withdrawal of a held item and an item of the same version
 *       sent after it go by arrival, as two items do: the item is shown again.
 *   <li>A withdrawal applies to a held item at least as old as the withdrawal; it is ignored when the
 *       item is newer. A withdrawal of an item not held yet is kept (when it has a version), so that
 *       the item, arriving late, stays out of view.
 * </ul>
 */
public final class ItemOrdering {

    private ItemOrdering() {}

    /** What becomes of an incoming item. */
    public enum ItemDecision {
        APPLY,
        /** The stored version is newer. */
        OLDER_THAN_STORED,
        /** A withdrawal of a later version stands, or of the same one kept before the item was held. */
        WITHDRAWN_FIRST
    }

    /** What becomes of a withdrawal. */
    public enum WithdrawalDecision {
        /** The held item leaves view; a tombstone at the withdrawal's version (or the item's) is kept. */
        WITHDRAW,
        /** The held item is newer than the withdrawal: nothing changes. */
        IGNORE_OLDER,
        /** Not held yet: a tombstone at the withdrawal's version keeps the late item out of view. */
        KEEP_TOMBSTONE,
        /** Not held and no version: nothing to withdraw and nothing to keep. */
        NOT_FOUND
    }

    /**
     * @param stored the held item's version, or null when the source holds no item of that key
     * @param tombstone the standing withdrawal's version, or null when there is none
     * @param beforeItem whether that withdrawal came before any item of the key was held
     * @param incoming the arriving item's version
     */
    public static ItemDecision item(Long stored, Long tombstone, boolean beforeItem, long incoming) {
        if (stored != null && stored > incoming) {
            return ItemDecision.OLDER_THAN_STORED;
        }
        if (tombstone != null && (tombstone > incoming || (tombstone == incoming && beforeItem))) {
            return ItemDecision.WITHDRAWN_FIRST;
        }
        return ItemDecision.APPLY;
    }

    /**
     * @param stored the held item's version, or null when the source holds no item of that key
     * @param withdrawal the withdrawal's version, or null when it was sent without one
     */
    public static WithdrawalDecision withdrawal(Long stored, Long withdrawal) {
        if (stored == null) {
            return withdrawal == null ? WithdrawalDecision.NOT_FOUND : WithdrawalDecision.KEEP_TOMBSTONE;
        }
        if (withdrawal != null && withdrawal < stored) {
            return WithdrawalDecision.IGNORE_OLDER;
        }
        return WithdrawalDecision.WITHDRAW;
    }

    /**
     * The version a withdrawal's tombstone keeps: its own, or (sent without one) the held item's, so
     * that a repeat of the withdrawn version stays out and only a newer one brings the item back.
     */
    public static long tombstoneVersion(long stored, Long withdrawal) {
        return withdrawal == null ? stored : withdrawal;
    }

    /** The reason given to the sender for an item that was not applied; carries no patient data. */
    public static String reason(ItemDecision decision, Long stored, Long tombstone, long incoming) {
        return switch (decision) {
            case OLDER_THAN_STORED -> "not applied: this source already sent a newer version of the item (stored "
                    + stored + ", this " + incoming + "); nothing changed";
            case WITHDRAWN_FIRST -> "not applied: this source withdrew the item at version " + tombstone
                    + (tombstone != null && tombstone == incoming
                            ? ", this very version, before the item arrived"
                            : ", later than this one")
                    + " (" + incoming + "); it stays out of view until a newer version is sent";
            case APPLY -> "applied";
        };
    }

    /** The reason given for a withdrawal that did not take the item out of view, or null. */
    public static String reason(WithdrawalDecision decision, Long stored, Long withdrawal) {
        return switch (decision) {
            case IGNORE_OLDER -> "not applied: the item held is newer (version " + stored + ") than this withdrawal ("
                    + withdrawal + "); it stays in view";
            case KEEP_TOMBSTONE -> "not held yet: the withdrawal is kept, so the item at version " + withdrawal
                    + " or older stays out" + " of view when it arrives";
            case NOT_FOUND -> "not held: send the withdrawal with a version or lastUpdated to keep a late item out";
            case WITHDRAW -> null;
        };
    }
}
