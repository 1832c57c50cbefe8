-- Issue 21, item 6 (session 14).
--
-- Item 6: a source whose laboratory sends LOINC codes in OBX-3 without naming the coding system
-- (CWE-3 empty). Set by an administrator on Admin > Source systems; off for every source until then
-- (docs/hl7v2-mapping.md, "Implied code systems"). The application role already has select and
-- update on source_system (V17), which cover the new column.
alter table source_system add column hl7_obx3_implies_loinc boolean not null default false;
