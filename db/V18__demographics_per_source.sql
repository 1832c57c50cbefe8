-- Issue 16 (items 1 and 2): sources no longer rewrite what they do not own.
--
-- Which sources are authoritative: for demographics (their version of a person is shown first, and
-- only they may clear the restricted flag) and for the patient index (they may merge any two
-- records, not only people they hold). Both off by default: an administrator sets them, audited.
alter table source_system add column authoritative_demographics boolean not null default false;
alter table source_system add column authoritative_patient_index boolean not null default false;

-- Each source's own latest version of a person's demographics. person keeps the shown (derived)
-- result, recomputed from these rows by a documented precedence (DemographicsPrecedence), so every
-- search and page reads person as before. A source's row is replaced only by a version of the same
-- source that is not older (source_updated_at: its lastUpdated, HL7 MSH-7, or the time received
-- when it gives none). restricted is what the source last said: null when it said nothing.
-- No identity column (no sequence): the application needs SELECT, INSERT and UPDATE only.
create table person_demographics (
    person_id           bigint       not null references person (id),
    source_system_id    bigint       not null references source_system (id),
    title               varchar(40),
    given_names         varchar(200) not null,
    family_name         varchar(200) not null,
    date_of_birth       date         not null,
    date_of_death       date,
    gender              varchar(10)  not null check (gender in ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    address_lines       varchar(500),
    postcode            varchar(10),
    phone               varchar(40),
    gp_practice_ods     varchar(12),
    restricted          boolean,
    source_updated_at   timestamptz  not null,
    received_at         timestamptz  not null default now(),
    inbound_message_id  bigint,
    primary key (person_id, source_system_id)
);
create index person_demographics_source on person_demographics (source_system_id);

-- What each person shows today came from the source that last wrote it: that becomes its version.
insert into person_demographics (person_id, source_system_id, title, given_names, family_name, date_of_birth,
        date_of_death, gender, address_lines, postcode, phone, gp_practice_ods, restricted, source_updated_at,
        received_at)
    select id, updated_by_source_id, title, given_names, family_name, date_of_birth, date_of_death, gender,
           address_lines, postcode, phone, gp_practice_ods, restricted, updated_at, updated_at
      from person where updated_by_source_id is not null;
