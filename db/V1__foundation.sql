-- OpenICR foundation schema: the directory (organisations, users, role profiles, source systems),
-- the patient index and the audit trail. Applied by Flyway when the application starts.

create table organisation (
    id            bigint generated always as identity primary key,
    ods_code      varchar(12)  not null unique,
    name          varchar(200) not null,
    org_type      varchar(30)  not null,
    sharing_mode  varchar(20)  not null default 'SHARE_AND_VIEW'
                  check (sharing_mode in ('SHARE_AND_VIEW', 'VIEW_ONLY')),
    active        boolean      not null default true
);

-- NHS National RBAC job roles (reference data, see V2).
create table rbac_role (
    code  varchar(10)  primary key,
    name  varchar(200) not null
);

-- A person who signs in, or a source system's account (kind SYSTEM) that posts over SOAP.
create table user_account (
    id                  bigint generated always as identity primary key,
    username            varchar(100) not null unique,
    display_name        varchar(200) not null,
    kind                varchar(10)  not null check (kind in ('PERSON', 'SYSTEM')),
    password_hash       varchar(400) not null,
    enabled             boolean      not null default true,
    failed_logins       integer      not null default 0,
    locked_at           timestamptz,
    last_login_at       timestamptz,
    created_at          timestamptz  not null default now()
);

-- A smartcard-style role profile: a job role at an organisation.
create table role_profile (
    id               bigint generated always as identity primary key,
    user_account_id  bigint      not null references user_account (id),
    rbac_role_code   varchar(10) not null references rbac_role (code),
    organisation_id  bigint      not null references organisation (id),
    active           boolean     not null default true,
    unique (user_account_id, rbac_role_code, organisation_id)
);

create table source_system (
    id               bigint generated always as identity primary key,
    code             varchar(60)  not null unique,
    name             varchar(200) not null,
    organisation_id  bigint       not null references organisation (id),
    user_account_id  bigint       not null unique references user_account (id),
    active           boolean      not null default true
);

-- The patient index: one row per person, keyed by NHS Number (stored without spaces).
create table person (
    id                   bigint generated always as identity primary key,
    nhs_number           varchar(10)  not null unique check (nhs_number ~ '^[0-9]{10}$'),
    title                varchar(40),
    given_names          varchar(200) not null,
    family_name          varchar(200) not null,
    date_of_birth        date         not null,
    date_of_death        date,
    gender               varchar(10)  not null check (gender in ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    address_lines        varchar(500),
    postcode             varchar(10),
    phone                varchar(40),
    gp_practice_ods      varchar(12),
    restricted           boolean      not null default false,
    updated_by_source_id bigint       references source_system (id),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              integer      not null default 0
);
create index person_family_name_dob on person (lower(family_name), date_of_birth);

-- Who did what to whose record, when, in which role: one row per auditable action.
create table audit_event (
    id                bigint generated always as identity primary key,
    occurred_at       timestamptz  not null default now(),
    action            varchar(40)  not null,
    outcome           varchar(20)  not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    username          varchar(100),
    rbac_role_code    varchar(10),
    organisation_ods  varchar(12),
    person_id         bigint,
    purpose_of_use    varchar(20),
    detail            varchar(2000)
);
create index audit_event_person on audit_event (person_id, occurred_at);
create index audit_event_username on audit_event (username, occurred_at);
