-- Schema 3: the summary aggregates (SPEC §6.1) that infer stores for all data, so that an
-- unfiltered `report summary` reads a few small rows instead of scanning millions. Filtered
-- reports compute the same SQL (sql/marts/summary_totals.sql, workflow_stats.sql) on the fly.

-- One row: counts, time range, CI share and outcome totals over everything infer saw.
CREATE TABLE summary_totals (
    events                     BIGINT NOT NULL,
    tools                      BIGINT NOT NULL,
    first_event_at             TIMESTAMPTZ,
    last_event_at              TIMESTAMPTZ,
    ci_events                  BIGINT NOT NULL,
    sessions                   BIGINT NOT NULL,
    actors                     BIGINT NOT NULL,
    machines                   BIGINT NOT NULL,
    workflow_runs              BIGINT NOT NULL,
    success_runs               BIGINT NOT NULL,
    failed_runs                BIGINT NOT NULL,
    abandoned_runs             BIGINT NOT NULL,
    in_progress_runs           BIGINT NOT NULL,
    recovered_runs             BIGINT NOT NULL,
    median_time_to_recover_ms  BIGINT
);

-- One row per workflow name: runs by outcome and the median duration of its SUCCESS runs.
CREATE TABLE workflow_stats (
    name                 VARCHAR NOT NULL,
    total_runs           BIGINT NOT NULL,
    success_count        BIGINT NOT NULL,
    failed_count         BIGINT NOT NULL,
    abandoned_count      BIGINT NOT NULL,
    in_progress_count    BIGINT NOT NULL,
    median_duration_ms   BIGINT               -- floored to whole ms; null without SUCCESS runs
);
