-- Issue 18 (item 5): which legitimate reasons each NHS RBAC job role may give before opening a
-- record, as data (docs/access-defaults.md, "Who may give which reason"). The reason step offers a
-- role only its rows; the access decision refuses any other reason (REASON_NOT_FOR_ROLE), audited
-- as a denial. A role with no rows may give no reason. SAFEGUARDING also needs the role profile's
-- safeguarding designation, as before. AccessDefaults.ROLE_REASONS is the same table in Java
-- (RoleReasonSeedTest keeps the two equal).
--
-- To change it, the database owner (openicr) inserts or deletes rows, e.g.
--   insert into role_reason (rbac_role_code, reason) values ('R8004', 'REFERRAL_OR_AUDIT');
--   delete from role_reason where rbac_role_code = 'R0243' and reason = 'VITAL_INTERESTS';
-- It applies from the next page view (the access facts read it every time).

create table role_reason (
    rbac_role_code  varchar(10) not null references rbac_role (code),
    reason          varchar(30) not null check (reason in
                        ('ONGOING_CARE', 'EXPLICIT_CONSENT', 'VITAL_INTERESTS', 'SAFEGUARDING', 'REFERRAL_OR_AUDIT')),
    primary key (rbac_role_code, reason)
);

-- R0001, R5105, R8012 and R8015 have no rows: they see no patient data through the viewer.
insert into role_reason (rbac_role_code, reason) values
    ('R8000', 'ONGOING_CARE'),
    ('R8000', 'EXPLICIT_CONSENT'),
    ('R8000', 'VITAL_INTERESTS'),
    ('R8000', 'SAFEGUARDING'),
    ('R8000', 'REFERRAL_OR_AUDIT'),
    ('R8001', 'ONGOING_CARE'),
    ('R8001', 'EXPLICIT_CONSENT'),
    ('R8001', 'VITAL_INTERESTS'),
    ('R8001', 'SAFEGUARDING'),
    ('R8001', 'REFERRAL_OR_AUDIT'),
    ('R8003', 'ONGOING_CARE'),
    ('R8003', 'EXPLICIT_CONSENT'),
    ('R8003', 'VITAL_INTERESTS'),
    ('R8003', 'SAFEGUARDING'),
    ('R8003', 'REFERRAL_OR_AUDIT'),
    ('R8004', 'ONGOING_CARE'),
    ('R8004', 'EXPLICIT_CONSENT'),
    ('R8006', 'ONGOING_CARE'),
    ('R8006', 'EXPLICIT_CONSENT'),
    ('R8008', 'ONGOING_CARE'),
    ('R8008', 'EXPLICIT_CONSENT'),
    ('R8009', 'ONGOING_CARE'),
    ('R8009', 'EXPLICIT_CONSENT'),
    ('R8010', 'ONGOING_CARE'),
    ('R8010', 'EXPLICIT_CONSENT'),
    ('R0243', 'ONGOING_CARE'),
    ('R0243', 'EXPLICIT_CONSENT'),
    ('R0243', 'VITAL_INTERESTS'),
    ('R0243', 'SAFEGUARDING');

-- The server reads it; only the owner changes it (no insert/update for the application's account).
revoke insert, update, delete on role_reason from ${app_role};
grant select on role_reason to ${app_role};
