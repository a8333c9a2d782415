-- The funnel_attempts table (docs/funnels.md, "Semantics"; funnel_attempts.sql) from TEMP VIEWs
-- funnel_events and infer_funnels. Each event matching step 1 starts an attempt of its actor; the
-- attempt ends at the actor's next step-1 event or when the funnel's window after its start has
-- passed (an event exactly a window after the start is inside). Step k is reached at the first
-- matching event after the event that reached step k-1, inside the attempt. Completed: reached the
-- last step; failed: not completed and a failure event occurred inside; else dropped.
WITH
-- each row with the number of the actor's attempt it falls in: the step-1 events up to and including it
numbered AS (
    SELECT e.*,
           sum(CASE WHEN e.step = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY e.funnel, e.actor_hash ORDER BY e.ord) AS attempt_no
    FROM funnel_events AS e
),
-- the attempts: each step-1 event, with the funnel's window and the actor's next start
starts AS (
    SELECT n.funnel, n.actor_hash, n.attempt_no, n.ord, n.ts, n.tool_name, n.tool_version, n.ci_detected, n.properties,
           f.window_ms, f.step_count,
           lead(n.ts) OVER (PARTITION BY n.funnel, n.actor_hash ORDER BY n.ord) AS next_start,
           row_number() OVER (ORDER BY n.funnel, n.actor_hash, n.ord) AS attempt_key
    FROM numbered AS n
    JOIN infer_funnels AS f ON f.funnel = n.funnel
    WHERE n.step = 1
),
-- the other rows inside an attempt: after its start in order, within the window
inside AS (
    SELECT s.attempt_key, n.step, n.ord, n.ts, n.properties, n.event_name
    FROM numbered AS n
    JOIN starts AS s ON s.funnel = n.funnel AND s.actor_hash = n.actor_hash AND s.attempt_no = n.attempt_no
    WHERE n.ord > s.ord
      AND unix_micros(n.ts) <= unix_micros(s.ts) + s.window_ms * 1000
),
-- the rows inside each attempt that can reach a step, in order (rows of one event share an ord)
inside_steps AS (
    SELECT attempt_key, array_sort(collect_list(named_struct('ord', ord, 'step', step, 'ts', ts))) AS candidates
    FROM inside
    WHERE step > 0
    GROUP BY attempt_key
),
-- per attempt: how far it got and when each step was reached, in one walk over its rows: step 1 at
-- the start, step k at the first step-k row of a later event than the one that reached step k-1
progress AS (
    SELECT s.attempt_key,
           aggregate(coalesce(i.candidates, array()),
                     named_struct('step', 1, 'ord', s.ord, 'times', array(s.ts)),
                     (acc, x) -> CASE WHEN x.step = acc.step + 1 AND x.ord > acc.ord
                                      THEN named_struct('step', x.step, 'ord', x.ord, 'times', concat(acc.times, array(x.ts)))
                                      ELSE acc END) AS walk
    FROM starts AS s
    LEFT JOIN inside_steps AS i ON i.attempt_key = s.attempt_key
),
-- per attempt: its first failure event's error class (its name when it has none: Declined Terms)
failures AS (
    SELECT attempt_key, min_by(coalesce(get_json_object(properties, '$.error_class'), event_name), ord) AS failure_class
    FROM inside
    WHERE step = 0
    GROUP BY attempt_key
)
-- the attempts, numbered per funnel in (start, actor) order
SELECT s.funnel,
       CAST(row_number() OVER (PARTITION BY s.funnel ORDER BY s.ts, s.actor_hash, s.ord) AS BIGINT) AS attempt_id,
       s.actor_hash,
       s.ts AS started_at,
       CASE WHEN s.next_start IS NOT NULL AND unix_micros(s.next_start) <= unix_micros(s.ts) + s.window_ms * 1000
            THEN s.next_start ELSE timestamp_micros(unix_micros(s.ts) + s.window_ms * 1000) END AS ended_at,
       CASE WHEN s.next_start IS NOT NULL AND unix_micros(s.next_start) <= unix_micros(s.ts) + s.window_ms * 1000
            THEN 'next_attempt' ELSE 'window' END AS end_reason,
       s.tool_name, s.tool_version, s.ci_detected, s.properties,
       CAST(p.walk.step AS INT) AS steps_reached,
       p.walk.times AS step_times,
       CASE WHEN p.walk.step = s.step_count THEN 'completed'
            WHEN fl.attempt_key IS NOT NULL THEN 'failed'
            ELSE 'dropped' END AS outcome,
       CASE WHEN p.walk.step < s.step_count THEN fl.failure_class END AS failure_class
FROM starts AS s
JOIN progress AS p ON p.attempt_key = s.attempt_key
LEFT JOIN failures AS fl ON fl.attempt_key = s.attempt_key
