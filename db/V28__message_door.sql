-- Issue 21, item 7: HL7 v2 also arrives over MLLP (a TCP listener, docs/interface-guide.md). Every
-- received message says by which door it came in, for the received-messages page: SOAP (the web
-- service, every message before this migration) or MLLP. Other doors (FHIR) add their own value.
alter table inbound_message add column door varchar(8) not null default 'SOAP';
