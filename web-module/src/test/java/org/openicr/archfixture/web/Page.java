package org.openicr.archfixture.web;

import org.openicr.archfixture.alpha.control.AlphaStore;
import org.openicr.archfixture.gamma.boundary.GammaService;
import org.openicr.archfixture.vocabulary.Term;

/** A page that uses a boundary and the vocabulary (allowed) and a control class (forbidden). */
public class Page {

    private final GammaService gamma = new GammaService();

    public String show(Term term) {
        return gamma.name(term.code()) + new AlphaStore().find();
    }
}
