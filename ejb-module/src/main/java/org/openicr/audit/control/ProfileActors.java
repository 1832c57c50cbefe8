package org.openicr.audit.control;

import java.security.Principal;
import org.openicr.audit.entity.Actor;

/**
 * Who a caller is for the audit when they act in a role profile: the account, its role and its
 * organisation. The audit defines what it needs and the directory, which owns role profiles,
 * implements it ({@code directory.control.ActingProfile}, with the access facts' one statement, the
 * style every read of a role profile uses), so that the audit never imports the directory (the
 * directory imports the audit to write its own events).
 */
public interface ProfileActors {

    /**
     * The actor of {@code caller} acting in role profile {@code roleProfileId}.
     *
     * @throws org.openicr.vocabulary.IcrException if that profile is not the caller's or not usable
     */
    Actor actor(Principal caller, long roleProfileId);
}
