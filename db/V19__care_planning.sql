-- Issue 18: care planning up front. Two new item categories (docs/access-defaults.md explains who
-- sees them and why): CARE_PLANS (ReSPECT and DNACPR decisions, end of life care plans, advance
-- decisions, frailty) and ADJUSTMENTS (the NHS Reasonable Adjustment Flag). Carers travel as
-- CONTACTS with the detail "caring", so they need no row here. Category names fit the existing
-- varchar(20) columns; items need no schema change (details are name/value pairs).
-- A region that has already edited its matrix keeps its edits: only the new categories are added,
-- and only for roles that exist.
insert into role_category (rbac_role_code, category)
select v.rbac_role_code, v.category
  from (values
    ('R8000', 'CARE_PLANS'),
    ('R8000', 'ADJUSTMENTS'),
    ('R8001', 'CARE_PLANS'),
    ('R8001', 'ADJUSTMENTS'),
    ('R8003', 'CARE_PLANS'),
    ('R8003', 'ADJUSTMENTS'),
    ('R8004', 'CARE_PLANS'),
    ('R8004', 'ADJUSTMENTS'),
    ('R8006', 'ADJUSTMENTS'),
    ('R8008', 'ADJUSTMENTS'),
    ('R8009', 'ADJUSTMENTS'),
    ('R8010', 'ADJUSTMENTS'),
    ('R0243', 'CARE_PLANS'),
    ('R0243', 'ADJUSTMENTS')
  ) as v(rbac_role_code, category)
 where exists (select 1 from rbac_role r where r.code = v.rbac_role_code)
on conflict do nothing;
