-- Whether the derived tables describe the stored data, and the settings they were computed with.
-- One row, even on a database where infer never ran. An ingest that stored nothing (every line a
-- duplicate, an empty file) changes nothing infer reads, so it leaves the tables current.
WITH
-- the newest infer run, if any
latest_infer AS (
    SELECT * FROM infer_runs ORDER BY infer_id DESC LIMIT 1
),
-- the newest ingest run the infer covered (0: none, or infer never ran)
covered AS (
    SELECT coalesce((SELECT last_ingest_run_id FROM latest_infer), 0) AS run_id
),
-- the newest ingest run, the lines every ingest rejected and the records it ignored by name, and
-- the flow events and identity links stored (all data: the summary shows them beside the events)
ingests AS (
    SELECT max(run_id) AS last_ingest_run_id, coalesce(sum(rejected), 0) AS rejected_lines,
        coalesce(sum(ignored), 0) AS ignored_records,
        (SELECT count(*) FROM flow_events) AS flow_events, (SELECT count(*) FROM actor_links) AS identity_links
    FROM ingest_runs
),
-- what later ingest runs stored that infer reads: events, flow events, identity links, sign-ins (a
-- repeated alias call stores no new link but a new sign-in, which moves session boundaries; rows are
-- stored in run order, so DuckDB's per-row-group min/max of run_id skips everything already covered)
since AS (
    SELECT
        (SELECT count(*) FROM events WHERE run_id > (SELECT run_id FROM covered)) AS new_events,
        (SELECT count(*) FROM flow_events WHERE run_id > (SELECT run_id FROM covered)) AS new_flow_events,
        (SELECT count(*) FROM actor_links WHERE run_id > (SELECT run_id FROM covered)) AS new_links,
        (SELECT count(*) FROM sign_ins WHERE run_id > (SELECT run_id FROM covered)) AS new_sign_ins,
        -- stored words the upgrade to schema 14 took back after the last infer (it emptied the derived tables)
        (SELECT coalesce(sum(words_taken_back), 0) FROM word_upgrade
         WHERE words_taken_back > 0 AND finished_at > coalesce((SELECT finished_at FROM latest_infer), '-infinity'::TIMESTAMPTZ))
            AS words_taken_back
)
SELECT
    i.infer_id, i.finished_at, i.session_timeout_ms, i.as_of, i.as_of_given, i.workflows_file,
    i.last_ingest_run_id AS infer_last_ingest_run_id,
    g.last_ingest_run_id, g.rejected_lines, g.ignored_records, g.flow_events, g.identity_links,
    s.new_events, s.new_flow_events, s.new_links, s.new_sign_ins, s.words_taken_back
FROM ingests AS g
CROSS JOIN since AS s
LEFT JOIN latest_infer AS i ON true
