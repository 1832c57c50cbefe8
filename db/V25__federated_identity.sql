-- Issue 19, item 1: people sign in through the OpenID provider (NHS CIS2 or the demo's Keycloak).
-- The token's role profiles are written into role_profile at each sign-in as a cache, so that the one
-- access decision (AccessFacts, by role profile id) is unchanged (docs/identity.md, section E).
--
-- user_account.nhsid_useruid   the person's national user id (CIS2 claim nhsid_useruid): the key of
--                              a federated account; null for local accounts (administrators, sources)
-- user_account.assurance_level the authentication assurance level of the account's latest sign-in
--                              through the provider (claim authentication_assurance_level); null for a
--                              local password sign-in. The record's access path refuses a level
--                              below the configured minimum.
-- role_profile.person_roleid   the national role profile id (claim nhsid_nrbac_roles[].person_roleid)
--                              of a profile the token gave; null for a locally managed profile
alter table user_account add column nhsid_useruid varchar(32);
alter table user_account add column assurance_level smallint
    check (assurance_level is null or assurance_level between 0 and 9);
create unique index user_account_nhsid_useruid on user_account (nhsid_useruid) where nhsid_useruid is not null;

alter table role_profile add column person_roleid varchar(32);
create unique index role_profile_person_roleid on role_profile (person_roleid) where person_roleid is not null;
