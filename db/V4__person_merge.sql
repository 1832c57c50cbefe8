-- Merges of two records of one person (HL7 v2 ADT^A40), kept so that a merge can be reversed.
create table person_merge (
    id                   bigint generated always as identity primary key,
    surviving_person_id  bigint       not null references person (id),
    retired_person_id    bigint       not null references person (id),
    source_system_id     bigint       references source_system (id),
    inbound_message_id   bigint       references inbound_message (id),
    items_moved          integer      not null,
    merged_at            timestamptz  not null default now(),
    reversed_at          timestamptz,
    check (surviving_person_id <> retired_person_id)
);
create index person_merge_retired on person_merge (retired_person_id);
