package org.openicr.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.access.control.MatrixStore;
import org.openicr.access.control.RoleReasonStore;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Which legitimate reasons each RBAC role may give before opening a record, as administrators edit
 * them (issue 18). A change applies from the next reason step (the access facts read the role's
 * reasons every time) and is audited per role with the reasons before and after. A role whose
 * reasons are changed must keep at least one: nothing is saved otherwise. Roles that give none
 * today (they open no records) may stay so.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class ReasonAdministration {

    /** What a save did: the roles changed, or, when nothing was saved, the roles left without a reason. */
    public record Saved(int changed, List<ReasonRow> leftWithoutReason) {
        public Saved {
            leftWithoutReason = List.copyOf(leftWithoutReason);
        }

        public boolean refused() {
            return !leftWithoutReason.isEmpty();
        }
    }

    @Inject
    MatrixStore roles;

    @Inject
    RoleReasonStore store;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public List<ReasonRow> rows() {
        Map<String, Set<LegitimateReason>> byRole = store.current();
        return roles.roles().stream()
                .map(r -> new ReasonRow(r.code(), r.name(), byRole.getOrDefault(r.code(), Set.of())))
                .toList();
    }

    /** Saves the rows that changed, all or none; answers how many roles changed. */
    public Saved save(List<ReasonRow> rows) {
        Map<String, Set<LegitimateReason>> before = store.current();
        List<ReasonRow> empty = leftWithoutReason(before, rows);
        if (!empty.isEmpty()) {
            return new Saved(0, empty);
        }
        String by = session.getCallerPrincipal().getName();
        int changed = 0;
        for (ReasonRow row : rows) {
            Set<LegitimateReason> old = before.getOrDefault(row.getRoleCode(), Set.of());
            Set<LegitimateReason> now = row.reasons();
            if (old.equals(now)) {
                continue;
            }
            store.replace(row.getRoleCode(), now);
            audit.record(new AuditEvent(
                    AuditAction.ROLE_REASONS_CHANGED,
                    AuditOutcome.SUCCESS,
                    Actor.account(by),
                    null,
                    "role " + row.getRoleCode() + ": before " + ordered(old) + " after " + ordered(now)));
            changed++;
        }
        return new Saved(changed, List.of());
    }

    /**
     * The rows that would leave a role with no reason at all: changed, and now empty. A role that
     * gave none before and still gives none is not a change.
     */
    public static List<ReasonRow> leftWithoutReason(Map<String, Set<LegitimateReason>> before, List<ReasonRow> rows) {
        List<ReasonRow> empty = new ArrayList<>();
        for (ReasonRow row : rows) {
            Set<LegitimateReason> old = before.getOrDefault(row.getRoleCode(), Set.of());
            if (row.reasons().isEmpty() && !old.isEmpty()) {
                empty.add(row);
            }
        }
        return empty;
    }

    private static Set<LegitimateReason> ordered(Set<LegitimateReason> reasons) {
        EnumSet<LegitimateReason> set = EnumSet.noneOf(LegitimateReason.class);
        set.addAll(reasons);
        return set;
    }
}
