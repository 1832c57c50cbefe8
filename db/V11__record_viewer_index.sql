-- The record viewer reads a person's items newest first, category by category ("order by
-- effective_at desc nulls last, id desc"): the summary takes the first few of each category through
-- a lateral join, the category pages take 25 at a time. V3's index orders effective_at desc with
-- nulls FIRST, so PostgreSQL had to read and sort every item of the category (hundreds for a busy
-- record) to find the newest few; this one matches the order, so each read stops after the rows it
-- returns. It carries the two columns the access scope tests (sensitivity, source organisation),
-- so the record page's count per category is an index-only scan instead of reading every item of
-- the person from the table. It replaces V3's index (same leading columns, same predicate), so
-- writes pay for one index, not two.
create index record_item_person_category_recent
    on record_item (person_id, category, effective_at desc nulls last, id desc)
    include (sensitivity, organisation_id)
    where withdrawn_at is null;
drop index record_item_person_category;
