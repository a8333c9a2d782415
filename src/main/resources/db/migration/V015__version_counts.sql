-- Schema 15: the counts per tool and version that the summary's regressed releases and check's
-- no_regression need (sql/marts/version_counts.sql), stored by infer for all data like
-- summary_totals, so that an unfiltered `report summary` reads a few rows instead of scanning every
-- workflow run. Filtered reports compute the same SQL on the fly.

-- One row per tool and version (a null version when the events carried none).
CREATE TABLE version_counts (
    tool_name      VARCHAR NOT NULL,
    tool_version   VARCHAR,
    runs           BIGINT NOT NULL,
    success_count  BIGINT NOT NULL,
    failed_count   BIGINT NOT NULL,
    first_seen     TIMESTAMPTZ
);

-- A database inferred before this version: the counts of the runs it holds, as infer would store
-- them (a stale one is inferred again before any report reads it).
INSERT INTO version_counts
SELECT tool_name, tool_version, count(*), count(*) FILTER (WHERE outcome = 'SUCCESS'),
       count(*) FILTER (WHERE outcome = 'FAILED'), min(started_at)
FROM workflow_runs
GROUP BY tool_name, tool_version;
