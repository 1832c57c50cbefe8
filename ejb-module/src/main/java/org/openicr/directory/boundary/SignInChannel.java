package org.openicr.directory.boundary;

import org.openicr.directory.entity.AccountKind;

/**
 * Where a credential was presented. Source systems' accounts authenticate only on the web services
 * ({@code /ws/*}, HTTP Basic); people only on the sign-in page. A credential presented on the
 * other channel is refused without its password being looked at, and never counts toward that
 * account's failures (issue 16, item 7: a person could be locked out through {@code /ws/*}).
 */
public enum SignInChannel {
    /** HTTP Basic on {@code /ws/*}. */
    WEB_SERVICE,
    /** The sign-in page. */
    PAGE;

    /** Whether an account of this kind may authenticate on this channel. */
    public boolean admits(AccountKind kind) {
        return switch (this) {
            case WEB_SERVICE -> kind == AccountKind.SYSTEM;
            case PAGE -> kind == AccountKind.PERSON;
        };
    }
}
