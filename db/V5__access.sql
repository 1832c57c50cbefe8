-- Who may see what: the role-to-category matrix (seeded with the documented defaults of
-- docs/access-defaults.md; administrators change it), role profiles' safeguarding designation and
-- seal-breaking permission, opt-outs, social care consent refusals, declared legitimate reasons and
-- privacy-officer alerts.

create table role_category (
    rbac_role_code  varchar(10) not null references rbac_role (code),
    category        varchar(20) not null,
    primary key (rbac_role_code, category)
);
-- R0001, R5105, R8012 and R8015 have no rows: they see no patient data through the viewer.
insert into role_category (rbac_role_code, category) values
    ('R8000', 'DEMOGRAPHICS'),
    ('R8000', 'CONTACTS'),
    ('R8000', 'MEDICATIONS'),
    ('R8000', 'PROBLEMS'),
    ('R8000', 'ALLERGIES'),
    ('R8000', 'RESULTS'),
    ('R8000', 'DOCUMENTS'),
    ('R8000', 'PROCEDURES'),
    ('R8000', 'ENCOUNTERS'),
    ('R8000', 'APPOINTMENTS'),
    ('R8000', 'REFERRALS'),
    ('R8000', 'SAFEGUARDING'),
    ('R8000', 'SOCIAL_CARE'),
    ('R8001', 'DEMOGRAPHICS'),
    ('R8001', 'CONTACTS'),
    ('R8001', 'MEDICATIONS'),
    ('R8001', 'PROBLEMS'),
    ('R8001', 'ALLERGIES'),
    ('R8001', 'RESULTS'),
    ('R8001', 'DOCUMENTS'),
    ('R8001', 'PROCEDURES'),
    ('R8001', 'ENCOUNTERS'),
    ('R8001', 'APPOINTMENTS'),
    ('R8001', 'REFERRALS'),
    ('R8001', 'SAFEGUARDING'),
    ('R8001', 'SOCIAL_CARE'),
    ('R8003', 'DEMOGRAPHICS'),
    ('R8003', 'CONTACTS'),
    ('R8003', 'MEDICATIONS'),
    ('R8003', 'PROBLEMS'),
    ('R8003', 'ALLERGIES'),
    ('R8003', 'RESULTS'),
    ('R8003', 'DOCUMENTS'),
    ('R8003', 'PROCEDURES'),
    ('R8003', 'ENCOUNTERS'),
    ('R8003', 'APPOINTMENTS'),
    ('R8003', 'REFERRALS'),
    ('R8003', 'SAFEGUARDING'),
    ('R8003', 'SOCIAL_CARE'),
    ('R8004', 'DEMOGRAPHICS'),
    ('R8004', 'CONTACTS'),
    ('R8004', 'MEDICATIONS'),
    ('R8004', 'PROBLEMS'),
    ('R8004', 'ALLERGIES'),
    ('R8004', 'RESULTS'),
    ('R8004', 'DOCUMENTS'),
    ('R8004', 'PROCEDURES'),
    ('R8004', 'ENCOUNTERS'),
    ('R8004', 'APPOINTMENTS'),
    ('R8004', 'REFERRALS'),
    ('R8004', 'SOCIAL_CARE'),
    ('R8006', 'DEMOGRAPHICS'),
    ('R8006', 'CONTACTS'),
    ('R8006', 'APPOINTMENTS'),
    ('R8006', 'REFERRALS'),
    ('R8006', 'ENCOUNTERS'),
    ('R8006', 'DOCUMENTS'),
    ('R8008', 'DEMOGRAPHICS'),
    ('R8008', 'CONTACTS'),
    ('R8008', 'APPOINTMENTS'),
    ('R8009', 'DEMOGRAPHICS'),
    ('R8009', 'CONTACTS'),
    ('R8009', 'APPOINTMENTS'),
    ('R8010', 'DEMOGRAPHICS'),
    ('R8010', 'CONTACTS'),
    ('R8010', 'APPOINTMENTS'),
    ('R0243', 'DEMOGRAPHICS'),
    ('R0243', 'CONTACTS'),
    ('R0243', 'SOCIAL_CARE'),
    ('R0243', 'SAFEGUARDING'),
    ('R0243', 'ENCOUNTERS'),
    ('R0243', 'REFERRALS');

alter table role_profile add column safeguarding_designated boolean not null default false;
alter table role_profile add column may_break_seal boolean not null default false;

-- Local ICR opt-out: the current state on the person, every change kept in opt_out_event.
alter table person add column opted_out boolean not null default false;
create table opt_out_event (
    id           bigint generated always as identity primary key,
    person_id    bigint       not null references person (id),
    opted_out    boolean      not null,
    channel      varchar(40)  not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null default now(),
    note         varchar(500)
);

-- A council that a person refused consent to share its social care record outside it.
create table social_care_consent_refusal (
    person_id                bigint      not null references person (id),
    council_organisation_id  bigint      not null references organisation (id),
    recorded_at              timestamptz not null default now(),
    primary key (person_id, council_organisation_id)
);

-- A legitimate reason a user gave for opening a person's record in a role profile.
create table reason_declaration (
    id                bigint generated always as identity primary key,
    user_account_id   bigint       not null references user_account (id),
    role_profile_id   bigint       not null references role_profile (id),
    person_id         bigint       not null references person (id),
    reason            varchar(30)  not null,
    justification     varchar(2000),
    explicit_consent  varchar(20)  not null default 'NOT_RECORDED',
    declared_at       timestamptz  not null default now()
);
create index reason_declaration_latest on reason_declaration (role_profile_id, person_id, declared_at desc);

-- Alerts for the privacy officer: break glass, safeguarding access to an opted-out person, seal breaks.
create table privacy_alert (
    id                     bigint generated always as identity primary key,
    raised_at              timestamptz  not null default now(),
    kind                   varchar(60)  not null,
    username               varchar(100) not null,
    rbac_role_code         varchar(10),
    organisation_ods       varchar(12),
    person_id              bigint       references person (id),
    reason_declaration_id  bigint       references reason_declaration (id),
    reviewed_at            timestamptz,
    reviewed_by            varchar(100),
    review_outcome         varchar(40),
    review_note            varchar(2000)
);
create index privacy_alert_open on privacy_alert (raised_at desc) where reviewed_at is null;
