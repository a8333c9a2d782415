-- The runs of a report's scope with their variant, as a table macro variants.sql and
-- variants_overview.sql read (created once per connection; temporary: a read-only database works).
-- Called as variant_runs($1 tool, $2 since, $3 until, $4 exclude CI, $5 workflow name or null for
-- every workflow, $6 collapse retries). The variant is the run's fingerprint; with collapse, each
-- run of consecutive equal steps (flags included) is one step marked with its count: 'a ×3'.
CREATE OR REPLACE TEMP MACRO variant_runs(p_tool, p_since, p_until, p_exclude_ci, p_name, p_collapse) AS TABLE
WITH
-- the runs in scope
runs AS (
    SELECT workflow_run_id, workflow_name, fingerprint, outcome, duration_ms, actor_hash
    FROM workflow_runs
    WHERE (p_name::VARCHAR IS NULL OR workflow_name = p_name::VARCHAR)
      AND (p_tool::VARCHAR IS NULL OR tool_name = p_tool::VARCHAR)
      AND (p_since::TIMESTAMPTZ IS NULL OR started_at >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR started_at < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected)
),
-- one run per distinct fingerprint (only when collapsing: its steps spell the sequence out)
representatives AS (
    SELECT fingerprint, min(workflow_run_id) AS workflow_run_id
    FROM runs
    WHERE p_collapse::BOOLEAN
    GROUP BY fingerprint
),
-- those runs' steps, each marked where a new stretch of equal steps begins
steps AS (
    SELECT r.fingerprint, s.position, t.step_with_flags,
           (t.step_with_flags IS DISTINCT FROM lag(t.step_with_flags) OVER (PARTITION BY r.fingerprint ORDER BY s.position))::INTEGER AS starts
    FROM representatives AS r
    JOIN workflow_step_rows AS s USING (workflow_run_id)
    JOIN workflow_step_triples AS t USING (triple_key)
),
-- the stretches: numbered within the sequence by a running count of starts
stretches AS (
    SELECT fingerprint, sum(starts) OVER (PARTITION BY fingerprint ORDER BY position) AS stretch, step_with_flags
    FROM steps
),
-- each stretch as one step, with ' ×N' when it repeats
collapsed AS (
    SELECT fingerprint, string_agg(label, ' -> ' ORDER BY stretch) AS variant
    FROM (SELECT fingerprint, stretch,
                 any_value(step_with_flags) || CASE WHEN count(*) > 1 THEN ' ×' || count(*) ELSE '' END AS label
          FROM stretches
          GROUP BY fingerprint, stretch)
    GROUP BY fingerprint
)
SELECT r.workflow_run_id, r.workflow_name, coalesce(c.variant, r.fingerprint) AS variant, r.outcome, r.duration_ms,
       r.actor_hash
FROM runs AS r
LEFT JOIN collapsed AS c USING (fingerprint)
