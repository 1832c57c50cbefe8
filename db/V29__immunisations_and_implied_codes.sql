-- Issue 21, items 4 and 6 (session 14).
--
-- Item 4: a new item category, IMMUNISATIONS (vaccinations given: HL7 v2 VXU^V04, SOAP), read by the
-- roles that give direct care, as MEDICATIONS is (docs/access-defaults.md explains the row of each
-- role). A region that has already edited its matrix keeps its edits: only the new category is
-- added, and only for roles that exist. The category name fits the varchar(20) columns.
insert into role_category (rbac_role_code, category)
select v.rbac_role_code, v.category
  from (values
    ('R8000', 'IMMUNISATIONS'),
    ('R8001', 'IMMUNISATIONS'),
    ('R8003', 'IMMUNISATIONS'),
    ('R8004', 'IMMUNISATIONS')
  ) as v(rbac_role_code, category)
 where exists (select 1 from rbac_role r where r.code = v.rbac_role_code)
on conflict do nothing;

-- Item 6: a source whose laboratory sends LOINC codes in OBX-3 without naming the coding system
-- (CWE-3 empty). Set by an administrator on Admin > Source systems; off for every source until then
-- (docs/hl7v2-mapping.md, "Implied code systems"). The application role already has select and
-- update on source_system (V17), which cover the new column.
alter table source_system add column hl7_obx3_implies_loinc boolean not null default false;
