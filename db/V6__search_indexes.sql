-- Patient search by family name (whole or its start) with a date of birth or a postcode.
-- text_pattern_ops lets LIKE 'prefix%' use the index (PLATFORM.md).
drop index if exists person_family_name_dob;
create index person_family_name_dob on person (lower(family_name) text_pattern_ops, date_of_birth);
create index person_postcode_family on person (replace(upper(postcode), ' ', ''), lower(family_name) text_pattern_ops);
