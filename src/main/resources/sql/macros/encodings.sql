-- The integer encodings the infer models use, each named once (docs/infer.md, "Encodings").
-- TEMP macros of infer's connection, created before its first model; DuckDB expands a macro where
-- it is called, so a name costs nothing at run time.

-- Outcome codes of int_runs (workflow_runs spells them out): 1 SUCCESS, 2 FAILED, 3 ABANDONED,
-- 4 IN_PROGRESS. outcome_code_of takes the name as a literal, so the comparison stays an integer one.
CREATE OR REPLACE TEMP MACRO outcome_name(code) AS
    ['SUCCESS', 'FAILED', 'ABANDONED', 'IN_PROGRESS'][code];
CREATE OR REPLACE TEMP MACRO outcome_code_of(name) AS
    (CASE name WHEN 'SUCCESS' THEN 1 WHEN 'FAILED' THEN 2 WHEN 'ABANDONED' THEN 3 WHEN 'IN_PROGRESS' THEN 4 END)::UTINYINT;

-- Why a session started (int_events_sessionized; the sessions mart spells it out): 1 first,
-- 2 inactivity, 3 hint_change, 4 ci_change; 0 on a run that does not start a session.
CREATE OR REPLACE TEMP MACRO split_reason(code) AS
    ['first', 'inactivity', 'hint_change', 'ci_change'][code];
CREATE OR REPLACE TEMP MACRO split_code_of(reason) AS
    (CASE reason WHEN 'first' THEN 1 WHEN 'inactivity' THEN 2 WHEN 'hint_change' THEN 3 WHEN 'ci_change' THEN 4 END)::UTINYINT;

-- A step triple (two steps back, one step back, this step within a run) packed in one 64-bit key:
-- three 21-bit step ids (int_step_names numbers steps from 1; 0 stands for no step), so at most
-- max_step_id() distinct steps.
CREATE OR REPLACE TEMP MACRO max_step_id() AS 2097151;
CREATE OR REPLACE TEMP MACRO pack_triple(prev2_step_id, prev_step_id, step_id) AS
    (prev2_step_id::UBIGINT << 42) | (prev_step_id::UBIGINT << 21) | step_id::UBIGINT;
CREATE OR REPLACE TEMP MACRO step_of(triple_key) AS (triple_key & 2097151)::INTEGER;
CREATE OR REPLACE TEMP MACRO prev_step_of(triple_key) AS ((triple_key >> 21) & 2097151)::INTEGER;
CREATE OR REPLACE TEMP MACRO prev2_step_of(triple_key) AS (triple_key >> 42)::INTEGER;

-- A run's key: its (actor, machine) key in the high 32 bits, its run number within that key in the
-- low 32, so run keys sort like the final dense run ids (int_pair_offsets adds the offsets).
CREATE OR REPLACE TEMP MACRO run_key(pair_key, run_number) AS (pair_key::BIGINT << 32) + run_number::BIGINT;
CREATE OR REPLACE TEMP MACRO run_number_of(run_key) AS run_key & 4294967295;

-- Running counts of session and run starts carried in one sum (int_steps): each event adds
-- starts_increment, sessions count in the high 32 bits and runs in the low 32 (a session start is
-- a run start too).
CREATE OR REPLACE TEMP MACRO starts_increment(starts_session, starts_run) AS
    CASE WHEN starts_session THEN 4294967297 WHEN starts_run THEN 1 ELSE 0 END;
CREATE OR REPLACE TEMP MACRO sessions_counted(starts) AS (starts >> 32)::INTEGER;
CREATE OR REPLACE TEMP MACRO runs_counted(starts) AS starts & 4294967295;

-- The key of a step sequence: each (position, step) of the sequence hashed, the hashes combined with
-- XOR (an aggregate, bit_xor, over the steps of a long run; xor over the up-to-three steps of a
-- triple), which needs no ordered list per run. One function for every run length.
CREATE OR REPLACE TEMP MACRO sequence_part(step_position, step_id) AS hash(step_position::BIGINT * 2097152 + step_id);

-- A 64-bit key of a text that may be missing (tool version, error text, session hint): hash(NULL)
-- is a constant that is not NULL, so "no hint" is a key of its own and differs from every present
-- hint when two events are compared. InferEncodingsTest pins that property of DuckDB's hash.
CREATE OR REPLACE TEMP MACRO text_key(text) AS hash(text);
