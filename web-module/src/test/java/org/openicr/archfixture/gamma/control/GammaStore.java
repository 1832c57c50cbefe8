package org.openicr.archfixture.gamma.control;

import org.openicr.archfixture.gamma.entity.GammaThing;
import org.openicr.archfixture.vocabulary.Term;

/** Control uses its entity and the vocabulary: allowed. */
public class GammaStore {

    public GammaThing find(Term term) {
        return new GammaThing(term.code());
    }
}
