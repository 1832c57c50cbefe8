-- Issue 21, item 2: withdrawals respect versions. A source's withdrawal (WithdrawItems with a
-- version or lastUpdated; HL7 cancellations such as SIU^S17, ADT^A11, MDM cancels, at MSH-7) is
-- kept here, per (source system, source key), whether or not the item is held yet: an item of that
-- key whose version is older than or equal to the withdrawal's stays out of view; a newer one
-- brings the item back (the upsert checks this in its own statement). A withdrawal older than the
-- item it names changes nothing and is not kept. Rows are never deleted: a tombstone is as small as
-- a key and a version, and forgetting it would let a late item reappear.
--
-- item_tombstone.version         the withdrawal's version (epoch milliseconds for lastUpdated/MSH-7,
--                                the source's own number for version); only ever raised
-- item_tombstone.before_item     true when the withdrawal came before any item of the key was held:
--                                then an item of the same version, arriving late, stays out too
--                                (it is the withdrawn one); otherwise equal versions go by arrival
--                                (issue 21 item 1), so an item re-sent after its withdrawal at the
--                                same version is shown again
-- item_tombstone.reason          the withdrawal reason (NO_LONGER_HELD, RETENTION, ENTERED_IN_ERROR,
--                                CANCELLED)
-- item_tombstone.inbound_message_id  the message that withdrew it (inbox row; no foreign key, as
--                                record_item.inbound_message_id, V15)
create table item_tombstone (
    -- No foreign key to source_system, as record_item (V15): sources are never deleted.
    source_system_id    bigint       not null,
    source_key          varchar(200) not null,
    version             bigint       not null,
    before_item         boolean      not null,
    reason              varchar(40)  not null,
    inbound_message_id  bigint,
    withdrawn_at        timestamptz  not null default now(),
    primary key (source_system_id, source_key)
);
alter table item_tombstone set (vacuum_truncate = false);

grant select, insert, update on item_tombstone to ${app_role};

-- Items withdrawn before this migration keep older versions out (an equal version sent again is
-- applied by arrival, as for any item withdrawn from now on).
insert into item_tombstone (source_system_id, source_key, version, before_item, reason, inbound_message_id,
                            withdrawn_at)
select source_system_id, source_key, version, false, coalesce(withdrawn_reason, 'NO_LONGER_HELD'), inbound_message_id,
       withdrawn_at
from record_item
where withdrawn_at is not null;
