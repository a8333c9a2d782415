-- Event keys as 128-bit UUID values instead of 32 hex characters (SPEC §4.2): the keys were
-- always 128-bit MD5 values, and 16 fixed bytes are half the size to store, compare and join
-- on than their hex text, which ingest's write compressed at a cost (bench/RESULTS.md). The same
-- value, written 8-4-4-4-12 with dashes; keys stored by an earlier build are converted in place.
ALTER TABLE events ALTER event_key TYPE UUID USING event_key::UUID;
ALTER TABLE flow_events ALTER event_key TYPE UUID USING event_key::UUID;
