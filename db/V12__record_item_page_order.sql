-- A page of one category of a person's record is read in the order the record page shows it
-- (effective_at desc nulls last, id desc: ItemQuery.page). With the index in that order PostgreSQL
-- reads just the page from the index (a top-N index scan) instead of fetching and sorting every item
-- of the category. Sensitivity and organisation are included so that the per-category counts
-- (ItemQuery.counts, whose access filters use only those columns) are an index-only scan.
-- Measured on the one-million-person region: docs/benchmarks.md.
drop index if exists record_item_person_category;
create index record_item_person_category on record_item (person_id, category, effective_at desc nulls last, id desc)
    include (sensitivity, organisation_id)
    where withdrawn_at is null;
