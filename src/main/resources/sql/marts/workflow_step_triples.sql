-- One row per distinct step triple of the runs (int_step_triples): the step's names and roles and
-- the n-grams ending at it (SPEC §5.2, §5.4), which workflow_steps joins to every step row.
SELECT triple_key, step, step_with_flags, is_entry, is_terminal, ngram2, ngram3
FROM int_step_triples
