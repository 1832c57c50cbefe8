package org.openicr.archfixture.gamma.boundary;

import org.openicr.archfixture.gamma.control.GammaStore;
import org.openicr.archfixture.vocabulary.Term;

/** A boundary uses its control: allowed. */
public class GammaService {

    private final GammaStore store = new GammaStore();

    public String name(String code) {
        return store.find(new Term(code)).name();
    }
}
