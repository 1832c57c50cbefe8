-- Ingestion: every message is stored raw before it is processed, the record's items, documents'
-- content, sources' local identifiers for people, and merges.

create table inbound_message (
    id                bigint generated always as identity primary key,
    received_at       timestamptz  not null default now(),
    account_username  varchar(100) not null,
    source_system_id  bigint       references source_system (id),
    operation         varchar(40),
    message_id        varchar(100),
    size_bytes        integer      not null,
    -- The body exactly as received (cut at the size limit for an oversized message).
    raw               bytea        not null,
    status            varchar(20)  not null default 'RECEIVED'
                      check (status in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'FAILED', 'UNMATCHED', 'NOT_USED', 'DUPLICATE')),
    error_code        varchar(40),
    error_reason      varchar(2000),
    -- What was answered, so that a repeat of the message gets the same answer (JSON).
    outcome           text,
    person_id         bigint,
    item_count        integer,
    processed_at      timestamptz,
    replays           integer      not null default 0,
    duplicate_of      bigint       references inbound_message (id)
);
-- Idempotency: one final outcome per (source system, message id).
create unique index inbound_message_idempotency on inbound_message (source_system_id, message_id)
    where status in ('ACCEPTED', 'REJECTED', 'UNMATCHED', 'NOT_USED');
create index inbound_message_received on inbound_message (received_at desc);
create index inbound_message_status on inbound_message (status, received_at desc) where status <> 'ACCEPTED';

-- A source's own identifiers for people (hospital number, social care id...).
create table person_identifier (
    id                bigint generated always as identity primary key,
    source_system_id  bigint       not null references source_system (id),
    value             varchar(100) not null,
    person_id         bigint       not null references person (id),
    unique (source_system_id, value)
);
create index person_identifier_person on person_identifier (person_id);

-- A person merged into another (HL7 ADT^A40); reversible: nothing is deleted.
alter table person add column merged_into_id bigint references person (id);

create table record_item (
    id                   bigint generated always as identity primary key,
    person_id            bigint       not null references person (id),
    -- Set when a merge moved the item, so that the merge can be reversed.
    original_person_id   bigint       references person (id),
    source_system_id     bigint       not null references source_system (id),
    -- The source's organisation, kept on the item so access rules filter inside the query.
    organisation_id      bigint       not null references organisation (id),
    source_key           varchar(200) not null,
    category             varchar(20)  not null,
    version              bigint       not null,
    status               varchar(40),
    effective_at         timestamptz,
    effective_end        timestamptz,
    recorded_at          timestamptz,
    code_system          varchar(20),
    code                 varchar(40),
    display              varchar(500),
    text                 text,
    sensitivity          varchar(20)  not null default 'NORMAL'
                         check (sensitivity in ('NORMAL', 'SEALED', 'SEALED_LOCKED')),
    details              jsonb        not null default '{}',
    withdrawn_at         timestamptz,
    withdrawn_reason     varchar(40),
    inbound_message_id   bigint,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    unique (source_system_id, source_key)
);
create index record_item_person_category on record_item (person_id, category, effective_at desc)
    where withdrawn_at is null;

create table document_content (
    item_id       bigint       primary key references record_item (id),
    content_type  varchar(100) not null,
    data          bytea        not null
);
