-- Tamper evidence: every audit event is sealed into a hash chain, in the order it was sealed:
-- hash = SHA-256(previous hash || the event's canonical content). Sealing runs a few seconds after
-- the event commits (AuditSealer), so concurrent transactions never wait for each other on the
-- chain. The seals are append-only too.
create table audit_seal (
    seq            bigint generated always as identity primary key,
    event_id       bigint      not null unique references audit_event (id),
    previous_hash  bytea,
    hash           bytea       not null,
    sealed_at      timestamptz not null default now()
);

create trigger audit_seal_no_update_or_delete
    before update or delete on audit_seal
    for each row execute function audit_event_append_only();

create trigger audit_seal_no_truncate
    before truncate on audit_seal
    for each statement execute function audit_event_append_only();
