-- The privacy officer's console (issue 6).

-- Access-pattern alerts, configured as data and edited by the privacy officer (audited with before
-- and after values). One row: the configuration in force.
create table audit_alert_setting (
    id                        integer      primary key default 1 check (id = 1),
    records_per_hour          integer      not null check (records_per_hour between 1 and 10000),
    working_day_start         time         not null,
    working_day_end           time         not null,
    working_days              varchar(40)  not null,
    time_zone                 varchar(40)  not null,
    updated_at                timestamptz  not null default now(),
    updated_by                varchar(100) not null,
    check (working_day_start < working_day_end)
);
insert into audit_alert_setting (records_per_hour, working_day_start, working_day_end, working_days, time_zone,
                                 updated_by)
values (30, '07:00', '19:00', 'MON,TUE,WED,THU,FRI', 'Europe/London', 'V10');

-- Alerts raised by a pattern of access carry a short description (counts and times, no clinical
-- data) and the hour they belong to: at most one alert of a kind per user and hour.
alter table privacy_alert add column detail varchar(300);
alter table privacy_alert add column alert_hour timestamptz;
create unique index privacy_alert_once_an_hour on privacy_alert (kind, username, alert_hour)
    where alert_hour is not null;

-- The audit search filters by date range, alone or with an organisation or action.
create index audit_event_occurred on audit_event (occurred_at);
create index audit_event_organisation on audit_event (organisation_ods, occurred_at);
