-- A small, hand-checked database as ingest and infer would leave it: 18 events, 5 sessions, 11 workflow runs.
-- Actors a1, a2 (humans) and c1 (CI); terraform, docker (CI only) and npm. See docs/report.md for the numbers.
INSERT INTO ingest_runs (run_id, started_at, finished_at, format, accepted, rejected, duplicates, unknown_fields, ignored, conflicts) VALUES (1, '2026-01-11 07:59:00+00', '2026-01-11 07:59:01+00', 'native', 18, 2, 0, 0, 0, 0);

INSERT INTO infer_runs VALUES (1, '2026-01-11 08:00:00+00', '2026-01-11 08:00:01+00', 1800000,
    '2026-01-10 14:00:02+00', false, NULL, '{}', 1, 18, 5, 11, NULL, NULL);

INSERT INTO sessions (session_id, actor_hash, machine_hash, session_hint_hash, ci_detected, split_reason, started_at,
        ended_at, event_count, workflow_run_count, tools) VALUES
    (1, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', NULL, false, 'first', '2026-01-10 09:00:00+00', '2026-01-10 09:11:20+00', 5, 2, ['terraform']),
    (2, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', NULL, false, 'inactivity', '2026-01-10 13:00:00+00', '2026-01-10 13:20:05+00', 4, 3, ['npm']),
    (3, 'aaaaaaaaaaaaaaa2', 'mmmmmmmmmmmmmmm2', NULL, false, 'first', '2026-01-10 10:00:00+00', '2026-01-10 10:07:30+00', 5, 2, ['terraform']),
    (4, 'aaaaaaaaaaaaaaa2', 'mmmmmmmmmmmmmmm2', NULL, false, 'inactivity', '2026-01-10 14:00:00+00', '2026-01-10 14:00:02+00', 1, 1, ['terraform']),
    (5, 'ccccccccccccccc1', 'mmmmmmmmmmmmmmm3', 'hhhhhhhhhhhhhhh1', true, 'first', '2026-01-10 11:00:00+00', '2026-01-10 11:05:15+00', 3, 3, ['docker']);

INSERT INTO workflow_runs VALUES
    (1, 1, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', false, 'terraform', '1.7.0', 'apply_workflow', 'FAILED',
     '2026-01-10 09:00:00+00', '2026-01-10 09:02:10+00', 130000, 3,
     'terraform/init -> terraform/plan -> terraform/apply', 1, 'StateLockError', true, 550000,
     2, 'terraform/plan -> terraform/apply[--auto-approve]'),
    (2, 1, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', false, 'terraform', '1.7.0', 'apply_workflow', 'SUCCESS',
     '2026-01-10 09:10:00+00', '2026-01-10 09:11:20+00', 80000, 2,
     'terraform/plan -> terraform/apply[--auto-approve]', 0, NULL, false, NULL, NULL, NULL),
    (3, 2, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', false, 'npm', '10.2.0', 'test_workflow', 'FAILED',
     '2026-01-10 13:00:00+00', '2026-01-10 13:01:12+00', 72000, 2,
     'npm/install -> npm/test', 1, 'AssertionError', true, 238000, 4, 'npm/test'),
    (4, 2, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', false, 'npm', '10.2.0', 'test_workflow', 'SUCCESS',
     '2026-01-10 13:05:00+00', '2026-01-10 13:05:10+00', 10000, 1, 'npm/test', 0, NULL, false, NULL, NULL, NULL),
    (5, 2, 'aaaaaaaaaaaaaaa1', 'mmmmmmmmmmmmmmm1', false, 'npm', '10.2.0', 'npm_workflow', 'ABANDONED',
     '2026-01-10 13:20:00+00', '2026-01-10 13:20:05+00', 5000, 1, 'npm/install', 0, NULL, false, NULL, NULL, NULL),
    (6, 3, 'aaaaaaaaaaaaaaa2', 'mmmmmmmmmmmmmmm2', false, 'terraform', '1.6.0', 'terraform_workflow', 'FAILED',
     '2026-01-10 10:00:00+00', '2026-01-10 10:00:33+00', 33000, 2,
     'terraform/init -> terraform/plan', 1, 'ProviderError', false, NULL, NULL, NULL),
    (7, 3, 'aaaaaaaaaaaaaaa2', 'mmmmmmmmmmmmmmm2', false, 'terraform', '1.7.1', 'apply_workflow', 'SUCCESS',
     '2026-01-10 10:05:00+00', '2026-01-10 10:07:30+00', 150000, 3,
     'terraform/init -> terraform/plan -> terraform/apply[--auto-approve]', 0, NULL, false, NULL, NULL, NULL),
    (8, 4, 'aaaaaaaaaaaaaaa2', 'mmmmmmmmmmmmmmm2', false, 'terraform', '1.7.1', 'terraform_workflow', 'IN_PROGRESS',
     '2026-01-10 14:00:00+00', '2026-01-10 14:00:02+00', 2000, 1, 'terraform/validate', 0, NULL, false, NULL, NULL, NULL),
    (9, 5, 'ccccccccccccccc1', 'mmmmmmmmmmmmmmm3', true, 'docker', '24.0', 'build_workflow', 'SUCCESS',
     '2026-01-10 11:00:00+00', '2026-01-10 11:01:00+00', 60000, 1, 'docker/build', 0, NULL, false, NULL, NULL, NULL),
    (10, 5, 'ccccccccccccccc1', 'mmmmmmmmmmmmmmm3', true, 'docker', '24.0', 'push_workflow', 'SUCCESS',
     '2026-01-10 11:01:30+00', '2026-01-10 11:01:50+00', 20000, 1, 'docker/push', 0, NULL, false, NULL, NULL, NULL),
    (11, 5, 'ccccccccccccccc1', 'mmmmmmmmmmmmmmm3', true, 'docker', '24.0', 'build_workflow', 'FAILED',
     '2026-01-10 11:05:00+00', '2026-01-10 11:05:15+00', 15000, 1, 'docker/build', 2, 'DaemonError', false, NULL, NULL, NULL);

-- (run, position, time, step, step with flags, entry, terminal, exit code, duration, error)
CREATE TEMP TABLE fixture_steps AS SELECT * FROM (VALUES
    (1, 1, '2026-01-10 09:00:00+00', 'terraform/init', 'terraform/init', true, false, 0, 2000, NULL),
    (1, 2, '2026-01-10 09:01:00+00', 'terraform/plan', 'terraform/plan', false, false, 0, 5000, NULL),
    (1, 3, '2026-01-10 09:02:00+00', 'terraform/apply', 'terraform/apply', false, true, 1, 10000, 'StateLockError'),
    (2, 1, '2026-01-10 09:10:00+00', 'terraform/plan', 'terraform/plan', false, false, 0, 4000, NULL),
    (2, 2, '2026-01-10 09:11:00+00', 'terraform/apply', 'terraform/apply[--auto-approve]', false, true, 0, 20000, NULL),
    (3, 1, '2026-01-10 13:00:00+00', 'npm/install', 'npm/install', false, false, 0, 8000, NULL),
    (3, 2, '2026-01-10 13:01:00+00', 'npm/test', 'npm/test', false, true, 1, 12000, 'AssertionError'),
    (4, 1, '2026-01-10 13:05:00+00', 'npm/test', 'npm/test', false, true, 0, 10000, NULL),
    (5, 1, '2026-01-10 13:20:00+00', 'npm/install', 'npm/install', false, false, 0, 5000, NULL),
    (6, 1, '2026-01-10 10:00:00+00', 'terraform/init', 'terraform/init', true, false, 0, 1000, NULL),
    (6, 2, '2026-01-10 10:00:30+00', 'terraform/plan', 'terraform/plan', false, false, 1, 3000, 'ProviderError'),
    (7, 1, '2026-01-10 10:05:00+00', 'terraform/init', 'terraform/init', true, false, 0, 1000, NULL),
    (7, 2, '2026-01-10 10:06:00+00', 'terraform/plan', 'terraform/plan', false, false, 0, 3000, NULL),
    (7, 3, '2026-01-10 10:07:00+00', 'terraform/apply', 'terraform/apply[--auto-approve]', false, true, 0, 30000, NULL),
    (8, 1, '2026-01-10 14:00:00+00', 'terraform/validate', 'terraform/validate', false, false, 0, 2000, NULL),
    (9, 1, '2026-01-10 11:00:00+00', 'docker/build', 'docker/build', false, true, 0, 60000, NULL),
    (10, 1, '2026-01-10 11:01:30+00', 'docker/push', 'docker/push', false, true, 0, 20000, NULL),
    (11, 1, '2026-01-10 11:05:00+00', 'docker/build', 'docker/build', false, true, 2, 15000, 'DaemonError')
) AS t(run_id, pos, ts, step, step_with_flags, is_entry, is_terminal, exit_code, duration_ms, error_type);

INSERT INTO events
SELECT md5('e' || s.run_id || '-' || s.pos)::UUID, 1, row_number() OVER (ORDER BY s.ts), s.ts::TIMESTAMPTZ, r.tool_name,
       r.tool_version, string_split(s.step, '/'),
       CASE WHEN s.step_with_flags LIKE '%[%' THEN ['--auto-approve'] ELSE []::VARCHAR[] END,
       s.exit_code, s.duration_ms, s.error_type, r.actor_hash, r.machine_hash,
       CASE WHEN r.ci_detected THEN 'hhhhhhhhhhhhhhh1' END, r.ci_detected, NULL, 'native',
       -- where the failures came from (AssertionError: the event said nothing)
       CASE s.error_type WHEN 'StateLockError' THEN 'api' WHEN 'ProviderError' THEN 'api' WHEN 'DaemonError' THEN 'network' END,
       CASE s.error_type WHEN 'StateLockError' THEN 409 WHEN 'ProviderError' THEN 503 END
FROM fixture_steps AS s JOIN workflow_runs AS r ON r.workflow_run_id = s.run_id;

-- workflow_steps is a view over these two tables: each step row keys its step's names and n-grams
CREATE TEMP TABLE fixture_step_rows AS
SELECT f.run_id, f.pos, e.ingest_seq, e.ts, f.step, f.step_with_flags, f.is_entry, f.is_terminal,
       f.exit_code, f.duration_ms, f.error_type,
       CASE WHEN f.pos >= 2 THEN lag(f.step) OVER w || ' -> ' || f.step END AS ngram2,
       CASE WHEN f.pos >= 3 THEN lag(f.step, 2) OVER w || ' -> ' || lag(f.step) OVER w || ' -> ' || f.step END AS ngram3
FROM fixture_steps AS f JOIN events AS e ON e.ts = f.ts::TIMESTAMPTZ
WINDOW w AS (PARTITION BY f.run_id ORDER BY f.pos);

INSERT INTO workflow_step_triples
SELECT DISTINCT hash(step, step_with_flags, is_entry, is_terminal, ngram2, ngram3), step, step_with_flags,
       is_entry, is_terminal, ngram2, ngram3
FROM fixture_step_rows;

INSERT INTO workflow_step_rows
SELECT s.run_id, s.pos, s.ingest_seq, s.ts, s.exit_code, s.duration_ms, s.error_type,
       hash(s.step, s.step_with_flags, s.is_entry, s.is_terminal, s.ngram2, s.ngram3),
       epoch_us(s.ts) - lag(epoch_us(s.ts) + coalesce(s.duration_ms, 0) * 1000)
           OVER (PARTITION BY s.run_id ORDER BY s.pos),
       CASE WHEN s.pos = r.step_count THEN r.outcome END
FROM fixture_step_rows AS s
JOIN workflow_runs AS r ON r.workflow_run_id = s.run_id;

INSERT INTO hot_paths_fingerprint VALUES
    (1, 'docker/build', 1, 'build_workflow', 1),
    (2, 'npm/install -> npm/test', 1, 'test_workflow', 1),
    (3, 'terraform/init -> terraform/plan', 1, 'terraform_workflow', 1),
    (4, 'terraform/init -> terraform/plan -> terraform/apply', 1, 'apply_workflow', 1);

INSERT INTO hot_paths_ngram VALUES
    (1, 'docker/build', 1, 1, 2, 0.5, 1, 'DaemonError'),
    (2, 'npm/install -> npm/test', 2, 1, 1, 1.0, 1, 'AssertionError'),
    (3, 'npm/test', 1, 1, 2, 0.5, 1, 'AssertionError'),
    (4, 'terraform/apply', 1, 1, 3, 1.0 / 3, 1, 'StateLockError'),
    (5, 'terraform/init -> terraform/plan', 2, 1, 3, 1.0 / 3, 1, 'ProviderError'),
    (6, 'terraform/init -> terraform/plan -> terraform/apply', 3, 1, 2, 0.5, 1, 'StateLockError'),
    (7, 'terraform/plan', 1, 1, 4, 0.25, 1, 'ProviderError'),
    (8, 'terraform/plan -> terraform/apply', 2, 1, 3, 1.0 / 3, 1, 'StateLockError');

INSERT INTO summary_totals VALUES
    (18, 3, '2026-01-10 09:00:00+00', '2026-01-10 14:00:00+00', 3, 5, 3, 3, 11, 5, 4, 1, 1, 2, 394000);

INSERT INTO workflow_stats VALUES
    ('apply_workflow', 3, 2, 1, 0, 0, 115000),
    ('build_workflow', 2, 1, 1, 0, 0, 60000),
    ('terraform_workflow', 2, 0, 1, 0, 1, NULL),
    ('test_workflow', 2, 1, 1, 0, 0, 10000),
    ('npm_workflow', 1, 0, 0, 1, 0, NULL),
    ('push_workflow', 1, 1, 0, 0, 0, 20000);

-- what infer stores beside workflow_stats: the counts per tool and version (sql/marts/version_counts.sql)
INSERT INTO version_counts
SELECT tool_name, tool_version, count(*), count(*) FILTER (WHERE outcome = 'SUCCESS'),
       count(*) FILTER (WHERE outcome = 'FAILED'), min(started_at)
FROM workflow_runs
GROUP BY tool_name, tool_version;
