-- Ingestion writes each message in one transaction: its items, its inbox row with the outcome and
-- its audit event commit together (docs/decisions.md, "One transaction per message").

-- Every record item and inbox row referred to source_system and organisation through foreign keys.
-- Each check takes a share lock on the parent row, and with many concurrent messages from one source
-- those locks pile up on the same few rows (PostgreSQL records them as multixacts and writes the
-- parent page again): measured as the costliest part of inserting one item. Sources and
-- organisations are never deleted (they are made inactive), and the ids written come from the
-- lookup of the submitting source in the same transaction; deleting them is now refused outright.
alter table record_item drop constraint record_item_organisation_id_fkey,
                        drop constraint record_item_source_system_id_fkey;
alter table inbound_message drop constraint inbound_message_source_system_id_fkey;

create function refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted: make them inactive instead', tg_table_name;
end;
$$;

create trigger source_system_no_delete before delete on source_system
    for each row execute function refuse_delete();
create trigger organisation_no_delete before delete on organisation
    for each row execute function refuse_delete();

-- A merge refers to the message that asked for it, whose inbox row is written at the end of the
-- same transaction: the reference is checked at commit.
alter table person_merge alter constraint person_merge_inbound_message_id_fkey deferrable initially deferred;
