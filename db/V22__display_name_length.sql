-- Issue 18, item 9: a user's display name is a person's name as colleagues read it, at most 100
-- characters (UserAccount.DISPLAY_NAME_MAX; the administrator's form says so). Longer names, if any
-- were ever stored, are cut to 100 rather than refusing the upgrade.
alter table user_account
    alter column display_name type varchar(100) using left(display_name, 100);
