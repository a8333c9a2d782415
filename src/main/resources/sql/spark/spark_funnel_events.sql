-- The events that matter to a funnel (docs/funnels.md; int_funnel_events.sql), one row per (funnel,
-- event, role): a step it matches (step from 1) or a failure event of the funnel (step 0), from TEMP
-- VIEWs flow_events_written, events, identity and the settings' infer_funnels and infer_funnel_steps
-- (JobSettings). Flow events match a step or a failure by name; command events a command step by path
-- prefix (the tool first) and outcome. Each row carries the stitched actor and its rank in that
-- actor's order for the funnel: timestamp, then event_index (flow events) or sequence (command
-- events), then ingest order. SparkJob keeps it as TEMP VIEW funnel_events.
WITH
-- flow events with their stitched actor, order keys and what breakdowns and failure classes read
flows AS (
    SELECT coalesce(i.canonical_hash, f.actor_hash) AS actor_hash, f.ts,
           try_cast(get_json_object(f.properties, '$.event_index') AS BIGINT) AS seq, f.ingest_seq, f.event_name,
           f.tool_name, f.tool_version,
           coalesce(try_cast(get_json_object(f.properties, '$.ci') AS BOOLEAN),
                    try_cast(get_json_object(f.properties, '$.is_ci') AS BOOLEAN), false) AS ci_detected,
           f.properties
    FROM flow_events_written AS f
    LEFT JOIN identity AS i ON i.actor_hash = f.actor_hash
),
flow_steps AS (
    SELECT s.funnel, s.step, f.*
    FROM flows AS f
    JOIN infer_funnel_steps AS s ON s.event_name = f.event_name
),
flow_failures AS (
    SELECT u.funnel, 0 AS step, f.*
    FROM flows AS f
    JOIN (SELECT funnel, explode(failure_events) AS event_name FROM infer_funnels) AS u ON u.event_name = f.event_name
),
-- command steps, with their words (only these funnels read command events)
command_steps AS (
    SELECT funnel, step, command, size(command) AS words, outcome FROM infer_funnel_steps WHERE command IS NOT NULL
),
-- command events that are a step of a funnel: the path starts with the step's words and the outcome
-- is the one asked, if any
command_matches AS (
    SELECT s.funnel, s.step, coalesce(i.canonical_hash, e.actor_hash) AS actor_hash, e.ts, e.sequence AS seq,
           e.ingest_seq, array_join(e.command_path, ' ') AS event_name, e.tool_name, e.tool_version,
           e.ci_detected, CAST(NULL AS STRING) AS properties
    FROM events AS e
    JOIN command_steps AS s ON lower(element_at(e.command_path, 1)) = element_at(s.command, 1)
    LEFT JOIN identity AS i ON i.actor_hash = e.actor_hash
    WHERE size(e.command_path) >= s.words
      AND transform(slice(e.command_path, 1, s.words), w -> lower(w)) = s.command
      AND (s.outcome IS NULL
           OR s.outcome = 'success' AND e.exit_code = 0
           OR s.outcome = 'failure' AND e.exit_code <> 0)
),
matched AS (
    SELECT funnel, step, actor_hash, ts, seq, ingest_seq, event_name, tool_name, tool_version, ci_detected, properties
    FROM flow_steps
    UNION ALL
    SELECT funnel, step, actor_hash, ts, seq, ingest_seq, event_name, tool_name, tool_version, ci_detected, properties
    FROM flow_failures
    UNION ALL
    SELECT funnel, step, actor_hash, ts, seq, ingest_seq, event_name, tool_name, tool_version, ci_detected, properties
    FROM command_matches
)
-- each event's rank in its actor's order for the funnel (rows of one event share it)
SELECT *, dense_rank() OVER (PARTITION BY funnel, actor_hash ORDER BY ts, seq ASC NULLS LAST, ingest_seq) AS ord
FROM matched
