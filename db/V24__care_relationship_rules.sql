-- Issue 19, item 3: care relationships known, not only declared (docs/care-relationships.md).
--
-- The rules by which the reason step infers a legitimate relationship from what the record holds,
-- for the reader's chosen role profile (its organisation and RBAC role). A rule that holds offers
-- its reason (ONGOING_CARE here) as the default, pre-selected, with the relationship in plain
-- English; the opening is audited as REASON_INFERRED naming the rule. A rule never opens a record
-- by itself: the access decision (opt-outs, consent, the matrix, the role's reasons) decides as
-- for any declared reason.
--
-- kind REGISTERED_PRACTICE: the person's registered GP practice (person.gp_practice_ods, from the
--   demographics) is the reader's organisation (organisation.ods_code).
-- kind ORGANISATION_ITEM: the person has a record item sent by the reader's organisation
--   (record_item.organisation_id) in one of `categories`, not withdrawn, whose status is not one of
--   `excluded_statuses` (compared lower case, '_' and ' ' read as '-'), dated (the later of
--   effective_at and effective_end) within the last `look_back_days` days or the next
--   `look_ahead_days` days, and, when `required_detail` is set, carrying that detail
--   (record_item.details, e.g. the social care allocatedWorker).
-- rbac_role_codes: the roles the rule applies to; empty means every role.
-- priority: the lowest that holds is offered (then the lowest id).
-- description: the relationship in plain English; the page adds the organisation's name and, for
--   an item, its date (and the required detail's value).
--
-- A region changes the rules as the database owner (openicr), e.g.
--   update care_relationship_rule set look_back_days = 30 where code = 'RECENT_ENCOUNTER';
--   update care_relationship_rule set enabled = false where code = 'REGISTERED_PRACTICE';
-- They apply from the next reason step (read each time).

create table care_relationship_rule (
    id                 integer      primary key,
    code               varchar(40)  not null unique,
    kind               varchar(30)  not null check (kind in ('REGISTERED_PRACTICE', 'ORGANISATION_ITEM')),
    categories         varchar(20)[] not null default '{}',
    required_detail    varchar(40),
    excluded_statuses  varchar(40)[] not null default '{}',
    look_back_days     integer      not null default 0 check (look_back_days between 0 and 3660),
    look_ahead_days    integer      not null default 0 check (look_ahead_days between 0 and 3660),
    reason             varchar(30)  not null default 'ONGOING_CARE' check (reason in
                           ('ONGOING_CARE', 'EXPLICIT_CONSENT', 'VITAL_INTERESTS', 'SAFEGUARDING', 'REFERRAL_OR_AUDIT')),
    rbac_role_codes    varchar(10)[] not null default '{}',
    priority           integer      not null default 100,
    description        varchar(200) not null,
    enabled            boolean      not null default true,
    check (kind = 'REGISTERED_PRACTICE' or cardinality(categories) > 0)
);

insert into care_relationship_rule
    (id, code, kind, categories, required_detail, excluded_statuses, look_back_days, look_ahead_days,
     priority, description)
values
    (1, 'REGISTERED_PRACTICE', 'REGISTERED_PRACTICE', '{}', null, '{}', 0, 0,
     10, 'Registered at your practice'),
    (2, 'RECENT_ENCOUNTER', 'ORGANISATION_ITEM', '{ENCOUNTERS}', null,
     '{cancelled,entered-in-error}', 90, 0,
     20, 'Seen by your organisation'),
    (3, 'APPOINTMENT', 'ORGANISATION_ITEM', '{APPOINTMENTS}', null,
     '{cancelled,entered-in-error}', 90, 90,
     30, 'Appointment with your organisation'),
    (4, 'REFERRAL', 'ORGANISATION_ITEM', '{REFERRALS}', null,
     '{cancelled,rejected,entered-in-error,revoked}', 180, 0,
     40, 'Referral recorded by your organisation'),
    (5, 'SOCIAL_CARE_ALLOCATION', 'ORGANISATION_ITEM', '{SOCIAL_CARE}', 'allocatedWorker',
     '{closed,cancelled,entered-in-error}', 365, 0,
     15, 'Allocated social care worker at your council');

-- The server reads the rules; only the owner changes them.
revoke insert, update, delete on care_relationship_rule from ${app_role};
grant select on care_relationship_rule to ${app_role};
