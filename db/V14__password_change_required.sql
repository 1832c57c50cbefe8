-- A password an administrator set (new account or reset) is known to two people: its holder must
-- replace it at the next sign-in. Existing accounts, the demo's and the tests' are not affected.
alter table user_account add column must_change_password boolean not null default false;
