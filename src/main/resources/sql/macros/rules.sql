-- Rules of inference that more than one model (or infer's Java) applies, each written once here
-- (docs/infer.md, "Where each rule lives"). TEMP macros of infer's connection, created after
-- encodings.sql and before the first model.

-- An event's end (specification §5.1): its timestamp plus its duration, a missing duration counting
-- 0, in microseconds since the epoch (adding an INTERVAL to a timestamp costs 15 times more).
CREATE OR REPLACE TEMP MACRO event_end_us(ts, duration_ms) AS epoch_us(ts) + coalesce(duration_ms, 0) * 1000;

-- The terminal leaf that names a run (specification §5.2), from the ids of the terminal leaves of its
-- steps in step order: the most frequent, ties to the one seen first; 0 when the run has none
-- (int_run_names then names it after its tool). A list of the leaves, not of the steps: a run holds
-- few terminal commands (the first one with a known exit code closes it), so counting each against
-- the others stays cheap.
CREATE OR REPLACE TEMP MACRO leaf_counts(leaves) AS list_transform(leaves, l -> len(list_filter(leaves, m -> m = l)));
CREATE OR REPLACE TEMP MACRO run_leaf(leaves) AS
    coalesce(leaves[list_position(leaf_counts(leaves), list_max(leaf_counts(leaves)))], 0);

-- Values of a run's steps in step order (long runs' terminal leaves, a fingerprint's steps), from
-- the list of their {'position': ..., 'value': ...} pairs collected in any order: sorting the list
-- after collecting cost half what DuckDB's ordered aggregate (list(x ORDER BY position)) did.
CREATE OR REPLACE TEMP MACRO in_step_order(pairs) AS list_transform(list_sort(pairs), p -> p.value);

-- A run's outcome (specification §5.3), from its last step, as an outcome code (outcome_code_of):
-- IN_PROGRESS while it is not closed; closed when another run follows in its session, when it ended
-- on a terminal command with a known exit code (closes_run), or when its session's last activity
-- (the end of its last run) is more than the timeout before as_of. A closed run is SUCCESS when it
-- ended on a terminal command that exited 0, FAILED when its last command exited non-zero
-- (terminal or not), ABANDONED otherwise. int_steps applies it to each run's last step.
CREATE OR REPLACE TEMP MACRO run_outcome_code(last_in_session, closes_run, last_exit_code, ended_us, as_of,
        session_timeout_ms) AS
    CASE WHEN NOT (NOT last_in_session
                   OR closes_run
                   OR epoch_us(as_of) - ended_us > session_timeout_ms * 1000) THEN outcome_code_of('IN_PROGRESS')
         WHEN closes_run AND last_exit_code = 0 THEN outcome_code_of('SUCCESS')
         WHEN last_exit_code <> 0 THEN outcome_code_of('FAILED')
         ELSE outcome_code_of('ABANDONED')
    END;

-- The marts that put a run beside the other runs of its session and its (actor, machine) pair
-- (workflow_runs, sessions) are written one slice of pairs at a time when the runs outgrow the
-- memory limit (InferSlices): whether a pair is in the slice being written. Sessions and runs never
-- cross pairs, so every slice holds whole sessions, and the pairs' own lookup shrinks with it.
-- Infer sets the two variables; unset, every pair is in slice 0 of 1.
CREATE OR REPLACE TEMP MACRO in_slice(pair_key) AS
    pair_key % coalesce(getvariable('ca_slices'), 1) = coalesce(getvariable('ca_slice'), 0);
