-- NHS National RBAC job role codes used by OpenICR (see docs/decisions.md for the mapping to
-- application roles). R0243 is the legacy social care worker role; R8015 Systems Support is the
-- local ICR administrator.
insert into rbac_role (code, name) values
    ('R8000', 'Clinical Practitioner Access Role'),
    ('R8001', 'Nurse Access Role'),
    ('R8003', 'Health Professional Access Role'),
    ('R8004', 'Healthcare Student Access Role'),
    ('R8006', 'Medical Secretary Access Role'),
    ('R8008', 'Admin/Clinical Support Access Role'),
    ('R8009', 'Receptionist Access Role'),
    ('R8010', 'Clerical Access Role'),
    ('R8012', 'Information Officer Access Role'),
    ('R8015', 'Systems Support Access Role'),
    ('R0001', 'Privacy Officer'),
    ('R5105', 'Caldicott Guardian'),
    ('R0243', 'Social Care Worker');
