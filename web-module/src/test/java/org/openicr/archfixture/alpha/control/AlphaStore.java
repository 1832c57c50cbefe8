package org.openicr.archfixture.alpha.control;

import org.openicr.archfixture.alpha.boundary.AlphaService;

/** A control class that reaches its boundary (forbidden). */
public class AlphaStore {

    public String find() {
        return new AlphaService().name();
    }
}
