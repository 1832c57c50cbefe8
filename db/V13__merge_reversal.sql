-- Who reversed a merge and why (the administrator's undo of an HL7 v2 ADT^A40 merge).
alter table person_merge add column reversed_by varchar(100);
alter table person_merge add column reversal_note varchar(1000);
alter table person_merge add column items_moved_back integer;
create index person_merge_surviving on person_merge (surviving_person_id);
