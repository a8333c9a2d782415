-- The values of a file staged by stg_fast.sql that are sanitized once per distinct value: ids
-- (HMAC, SPEC §4.1) and flag lists (names kept). A narrower second scan of the same file reads
-- them with the same decoding as the staged rows; raw values live only inside this statement,
-- TEMP ca_lookup keeps the keyed lookup key and the sanitized value. Keys already there are
-- skipped (several files). ingest_events.sql joins the rows to it by key.
-- Parameters: $1 file path.
INSERT INTO ca_lookup
WITH
-- the fields looked up, as the JSON reader decodes them (the fast path accepted every line)
fields AS (
    SELECT actor_id, machine_id, session_hint, flags_present
    FROM read_json($1, format = 'newline_delimited', records = true, maximum_object_size = 1048576,
                   columns = {actor_id: 'VARCHAR', machine_id: 'VARCHAR', session_hint: 'VARCHAR',
                              flags_present: 'VARCHAR[]'})
),
-- every distinct value, tagged with its kind (i id, f flag list as JSON text)
tagged AS (
    SELECT DISTINCT unnest(['i' || actor_id, 'i' || machine_id, 'i' || session_hint,
                            'f' || coalesce(to_json(flags_present)::VARCHAR, '[]')]) AS v
    FROM fields
),
-- the flag names kept from each distinct list
flag_names AS (
    SELECT v, ca_flag_names(CAST(json(v[2:]) AS VARCHAR[])) AS names
    FROM tagged
    WHERE v IS NOT NULL AND starts_with(v, 'f')
)
-- the lookup key with the sanitized value, new keys only
SELECT k, h, kept
FROM (
    SELECT ca_lookup_key(v) AS k, ca_id_hash(v[2:]) AS h, NULL::VARCHAR[] AS kept
    FROM tagged
    WHERE v IS NOT NULL AND starts_with(v, 'i')
    UNION ALL
    SELECT ca_lookup_key(v), NULL, coalesce(ca_flags(names), [])
    FROM flag_names
) new
WHERE NOT EXISTS (SELECT 1 FROM ca_lookup l WHERE l.k = new.k)
