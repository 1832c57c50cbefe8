-- Issue 18 (closing): administrators change which legitimate reasons each RBAC role may give on the
-- "Reasons per role" page (ReasonAdministration, audited as ROLE_REASONS_CHANGED with the reasons
-- before and after). V20 left role_reason to the database owner; the application's account now
-- replaces a role's rows (a delete, then an insert per reason). Rows are never updated in place.
grant insert, delete on role_reason to ${app_role};
