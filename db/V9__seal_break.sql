-- Seal breaks: a role profile allowed to break seals (RBAC activity B0083) opened one withheld item
-- of a person, with a justification. The access decision reads the breaks still within the override
-- period and the item query shows those items' content; each break raises a privacy-officer alert.
create table seal_break (
    id               bigint generated always as identity primary key,
    user_account_id  bigint        not null references user_account (id),
    role_profile_id  bigint        not null references role_profile (id),
    person_id        bigint        not null references person (id),
    record_item_id   bigint        not null references record_item (id),
    justification    varchar(2000) not null,
    broken_at        timestamptz   not null default now()
);
create index seal_break_reader on seal_break (role_profile_id, person_id, broken_at desc);

alter table privacy_alert add column seal_break_id bigint references seal_break (id);
