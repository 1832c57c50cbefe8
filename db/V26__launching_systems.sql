-- Issue 19, item 2: launch in context. A clinician's own system (a GP system, a trust's EPR, a
-- council's case system) opens a person's record here with the person already chosen, by SMART App
-- Launch's EHR launch: the browser arrives at /openicr/launch?iss=...&launch=... (docs/identity.md,
-- section J). The launch is a JSON Web Token the launching system signed with its own key; a region
-- registers each launching system it trusts, by its iss and the address of its published keys.
--
-- launching_system.iss       the system's identifier, exactly as it sends it in iss (its FHIR base URL)
-- launching_system.jwks_uri  where its public keys are published (JWK Set); launches are verified
--                            against them
-- launching_system.ods_code  the organisation that runs it (an ODS code), shown and audited
-- launching_system.active    false: its launches are refused (kept for the audit's references)
create table launching_system (
    id            bigint generated always as identity primary key,
    name          varchar(200) not null check (length(trim(name)) > 0),
    iss           varchar(500) not null unique check (iss ~ '^https?://'),
    jwks_uri      varchar(500) not null check (jwks_uri ~ '^https?://'),
    ods_code      varchar(12) not null,
    active        boolean not null default true,
    registered_at timestamptz not null default now()
);

-- Each launch's token id (jti) is used once: a second use is a replay and is refused. Rows are kept
-- until the token would have expired anyway, then pruned.
create table launch_used (
    launching_system_id bigint not null references launching_system (id),
    jti                 varchar(200) not null,
    expires_at          timestamptz not null,
    primary key (launching_system_id, jti)
);
create index launch_used_expires_at on launch_used (expires_at);

-- Administrators register systems and stop or allow them (the administration page); nothing else
-- of a registration changes, and none is deleted (the audit names them). The default privileges
-- (V17) gave select, insert and update on the whole table: update is narrowed to active.
revoke update on launching_system from ${app_role};
grant update (active) on launching_system to ${app_role};
-- Used launch tokens are pruned once they would have expired anyway.
grant delete on launch_used to ${app_role};
