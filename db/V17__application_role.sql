-- Two database roles (issue 16, item 3): the owner role, which owns every table and runs these
-- migrations with its own credentials (never the application's), and the application role
-- ${app_role}, which the server connects as and which holds only the grants it needs. The owner
-- could disable the append-only triggers, update audit rows and rebuild the chain; the application
-- role can do none of that: on audit_event it may only INSERT and SELECT, on audit_seal only SELECT
-- (seals are written by audit_seal_pending below, a SECURITY DEFINER function owned by the owner),
-- and it owns nothing, so it cannot ALTER, DROP or TRUNCATE any table or switch a trigger off.
--
-- The role's name is a Flyway placeholder (app_role, default openicr_app) so that an external
-- PostgreSQL can choose it; docs/operations.md says how to create both roles there. Where the role
-- does not exist yet and the migrating role may create roles (the embedded PostgreSQL, tests), it
-- is created here without a password or login; the embedded launcher gives it both.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        create role ${app_role} nologin;
    end if;
end;
$$;

-- Nothing of the owner's reaches PUBLIC beyond what PostgreSQL gives by default, and nobody but
-- the owner creates objects in the schema.
revoke create on schema public from public;
grant usage on schema public to ${app_role};

-- The audit trail: append and read, nothing else.
grant select, insert on audit_event to ${app_role};
grant select on audit_seal to ${app_role};

-- Tables the application changes but never deletes from (read from the code: every UPDATE, INSERT
-- and ON CONFLICT ... DO UPDATE of the EJB module and the EclipseLink entities; no entity is removed).
grant select, insert, update on
    audit_alert_setting,
    document_content,
    inbound_message,
    opt_out_event,
    organisation,
    person,
    person_identifier,
    person_merge,
    privacy_alert,
    rbac_role,
    reason_declaration,
    record_item,
    role_profile,
    seal_break,
    source_system,
    user_account
to ${app_role};

-- The two tables the application deletes rows from: the role-to-category matrix is replaced row by
-- row (MatrixAdministration) and a council's consent refusal is removed when consent is recorded
-- again (SocialCareConsent).
grant select, insert, update, delete on role_category, social_care_consent_refusal to ${app_role};

-- The server checks at start that the schema is at the version it was built for.
grant select on flyway_schema_history to ${app_role};

-- Identity columns and the first-answer ids (nextval in FirstAnswers).
grant usage, select on all sequences in schema public to ${app_role};

-- Tables and sequences that later migrations create (run by the owner) are readable and writable
-- by the application, never deletable, truncatable or alterable; a migration that needs more, or
-- less (an append-only table), says so itself.
alter default privileges in schema public grant select, insert, update on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Sealing: the same chain as AuditChain and the sealer before it (hash = SHA-256(previous hash ||
-- canonical content), the canonical form of AuditChain.Content, the look-back of 10,000 ids over
-- events that committed out of id order), now computed inside PostgreSQL by a function that runs
-- with the owner's rights, so the application may ask for sealing but never write a seal itself.
-- An advisory lock keeps two servers from sealing at once (the second one seals nothing this time).
create function audit_chain_text(value text) returns text
    language sql immutable as $$
    select case when value is null then '-'
        else '''' || replace(replace(replace(value, '\', '\\'), '''', '\'''), '|', '\|') || '''' end
$$;

-- (The two helpers use only built-in functions, which PostgreSQL always finds first, and have no
-- SET clause so that PostgreSQL can inline them.)
-- java.time.Instant.toString() of the time truncated to microseconds: seconds always, then 3 or 6
-- digits of fraction only when they are not zero.
create function audit_chain_instant(at timestamptz) returns text
    language sql immutable as $$
    select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case
            when micros = 0 then ''
            when micros % 1000 = 0 then '.' || lpad((micros / 1000)::text, 3, '0')
            else '.' || lpad(micros::text, 6, '0')
        end
        || 'Z'
    from (select (extract(microseconds from at)::bigint % 1000000) as micros) m
$$;

create function audit_seal_pending(max_events integer) returns integer
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    previous bytea;
    last_sealed bigint;
    look_back bigint;
    event record;
    link bytea;
    sealed integer := 0;
begin
    -- 'OICRseal' as a number: one sealer at a time across every server on this database.
    if not pg_try_advisory_xact_lock(5712413622367233132) then
        return 0;
    end if;
    select s.hash into previous from public.audit_seal s order by s.seq desc limit 1;
    select coalesce(max(s.event_id), 0) into last_sealed from public.audit_seal s;
    look_back := greatest(0, last_sealed - 10000);
    for event in
        select e.id, e.occurred_at, e.action, e.outcome, e.username, e.rbac_role_code,
               e.organisation_ods, e.person_id, e.purpose_of_use, e.detail
        from public.audit_event e
        where e.id > look_back
          and not exists (select 1 from public.audit_seal s where s.event_id = e.id and s.event_id > look_back)
        order by e.id
        limit greatest(max_events, 0)
    loop
        link := sha256(coalesce(previous, ''::bytea) || convert_to(
                'id=' || event.id
                || '|at=' || public.audit_chain_instant(event.occurred_at)
                || '|action=' || public.audit_chain_text(event.action)
                || '|outcome=' || public.audit_chain_text(event.outcome)
                || '|user=' || public.audit_chain_text(event.username)
                || '|role=' || public.audit_chain_text(event.rbac_role_code)
                || '|org=' || public.audit_chain_text(event.organisation_ods)
                || '|person=' || coalesce(event.person_id::text, '-')
                || '|purpose=' || public.audit_chain_text(event.purpose_of_use)
                || '|detail=' || public.audit_chain_text(event.detail), 'UTF8'));
        insert into public.audit_seal (event_id, previous_hash, hash) values (event.id, previous, link);
        previous := link;
        sealed := sealed + 1;
    end loop;
    return sealed;
end;
$$;

revoke all on function audit_seal_pending(integer) from public;
grant execute on function audit_seal_pending(integer) to ${app_role};
