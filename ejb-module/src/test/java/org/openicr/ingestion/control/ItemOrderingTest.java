package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.ItemOrdering.ItemDecision;
import org.openicr.ingestion.control.ItemOrdering.WithdrawalDecision;

/** Issue 21, items 1 and 2: the ordering of items and withdrawals, as tables (empty cell: none). */
class ItemOrderingTest {

    @ParameterizedTest(name = "stored {0}, tombstone {1} (before the item: {2}), incoming {3}: {4}")
    @CsvSource({
        // stored, tombstone, tombstone kept before the item was held, incoming, decision
        ",   ,  false, 5, APPLY", // first sight
        "5,  ,  false, 6, APPLY", // newer
        "5,  ,  false, 5, APPLY", // equal: ordered by arrival (was silently ignored before issue 21)
        "5,  ,  false, 4, OLDER_THAN_STORED",
        ",   7, true,  5, WITHDRAWN_FIRST", // a withdrawal arrived before its item: the late item stays out
        ",   7, true,  7, WITHDRAWN_FIRST", // equal to that withdrawal: the withdrawn version itself stays out
        ",   7, true,  8, APPLY", // newer than the withdrawal: the item comes back
        "5,  5, false, 5, APPLY", // withdrawn when held, then the same version sent again: by arrival, shown
        "5,  5, false, 4, OLDER_THAN_STORED",
        "5,  5, false, 6, APPLY",
        "5,  9, false, 7, WITHDRAWN_FIRST", // withdrawn at a later version than any item sent so far
        "5,  9, false, 9, APPLY", // the withdrawal's own version, sent after it: by arrival
        "9,  5, true,  7, OLDER_THAN_STORED", // brought back at 9 after a withdrawal at 5: the stored version decides
        "9,  5, true,  9, APPLY",
        "1767225600000, , false, 1767225600000, APPLY", // MSH-7 to the minute, twice
        "1767225660000, , false, 1767225600000, OLDER_THAN_STORED"
    })
    void items(Long stored, Long tombstone, boolean beforeItem, long incoming, ItemDecision expected) {
        assertEquals(expected, ItemOrdering.item(stored, tombstone, beforeItem, incoming));
    }

    @ParameterizedTest(name = "stored {0}, withdrawal {1}: {2}")
    @CsvSource({
        // stored, withdrawal, decision
        "5, 6, WITHDRAW",
        "5, 5, WITHDRAW", // equal: by arrival, the withdrawal came later
        "5, 4, IGNORE_OLDER", // an SIU^S17 dated before the S13 that updated the appointment
        "5,  , WITHDRAW", // without a version: as before issue 21
        " , 5, KEEP_TOMBSTONE",
        " ,  , NOT_FOUND"
    })
    void withdrawals(Long stored, Long withdrawal, WithdrawalDecision expected) {
        assertEquals(expected, ItemOrdering.withdrawal(stored, withdrawal));
    }

    @ParameterizedTest(name = "stored {0}, withdrawal {1}: tombstone {2}")
    @CsvSource({"5, 6, 6", "5, 5, 5", "5, , 5"})
    void tombstoneVersions(long stored, Long withdrawal, long expected) {
        assertEquals(expected, ItemOrdering.tombstoneVersion(stored, withdrawal));
    }

    @Test
    void aWithdrawalAndItsItemOfTheSameVersionGoByArrivalUnlessTheWithdrawalCameFirst() {
        // withdrawal (version 7) first, then the item (version 7): the late item stays out
        assertEquals(WithdrawalDecision.KEEP_TOMBSTONE, ItemOrdering.withdrawal(null, 7L));
        assertEquals(ItemDecision.WITHDRAWN_FIRST, ItemOrdering.item(null, 7L, true, 7));
        // the item (version 7) first, then the withdrawal (version 7): withdrawn, tombstone 7
        assertEquals(ItemDecision.APPLY, ItemOrdering.item(null, null, false, 7));
        assertEquals(WithdrawalDecision.WITHDRAW, ItemOrdering.withdrawal(7L, 7L));
        assertEquals(7, ItemOrdering.tombstoneVersion(7, 7L));
        // then the item (version 7) again, in a new message (the same minute's DNR after "no DNR"):
        // by arrival, it is shown again; an older one is not
        assertEquals(ItemDecision.APPLY, ItemOrdering.item(7L, 7L, false, 7));
        assertEquals(ItemDecision.OLDER_THAN_STORED, ItemOrdering.item(7L, 7L, false, 6));
    }

    @Test
    void everyRefusalSaysWhyAndAnAppliedOneSaysNothingToExplain() {
        assertTrue(
                ItemOrdering.reason(ItemDecision.OLDER_THAN_STORED, 5L, null, 4).contains("newer version"));
        assertTrue(ItemOrdering.reason(ItemDecision.WITHDRAWN_FIRST, null, 7L, 7)
                .contains("withdrew the item at version 7, this very version, before the item arrived"));
        assertTrue(ItemOrdering.reason(ItemDecision.WITHDRAWN_FIRST, 5L, 9L, 7)
                .contains("withdrew the item at version 9, later than this one (7)"));
        assertTrue(ItemOrdering.reason(WithdrawalDecision.IGNORE_OLDER, 5L, 4L).contains("newer"));
        assertTrue(
                ItemOrdering.reason(WithdrawalDecision.KEEP_TOMBSTONE, null, 4L).contains("kept"));
        assertNull(ItemOrdering.reason(WithdrawalDecision.WITHDRAW, 5L, 5L));
    }
}
