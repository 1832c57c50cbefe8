package org.openicr.web.record;

import jakarta.faces.component.UIComponentBase;

/**
 * What the record page's list components share: they write their HTML in {@code encodeBegin}
 * through {@link Html} and need no renderer, so they share one family; their tags live in one
 * namespace ({@code xmlns:icr="http://openicr.org/faces"}).
 */
public abstract class ListComponent extends UIComponentBase {

    static final String NAMESPACE = "http://openicr.org/faces";

    @Override
    public String getFamily() {
        return "org.openicr";
    }
}
