-- When a vacuum finds empty pages at the end of a table it gives them back to the operating system,
-- and to do that it takes an ACCESS EXCLUSIVE lock on the table: every insert into it waits until
-- the truncation is done. The ingestion tables only grow, many times a second, and PostgreSQL
-- extends a busy table by several pages at once, so autovacuum can find empty pages at their end
-- each time. Under load at 500 messages/s, bursts of one to four seconds of slow acknowledgements
-- started as autovacuum finished with one of these tables, which is when it truncates
-- (docs/benchmarks.md, "Results, session 5"). Empty pages at the end are kept and filled by the
-- next inserts instead.
alter table inbound_message set (vacuum_truncate = false, toast.vacuum_truncate = false);
alter table record_item set (vacuum_truncate = false, toast.vacuum_truncate = false);
alter table audit_event set (vacuum_truncate = false, toast.vacuum_truncate = false);
alter table audit_seal set (vacuum_truncate = false);
