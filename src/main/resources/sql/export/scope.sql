-- The rows of each exported table that the report filters keep, as temporary table macros (they
-- also work on a read-only database), and instants as the reports write them. Filters apply as in
-- the reports (docs/report.md, "What a filter applies to"); a null parameter is no restriction.
-- Called as export_<table>(p_tool, p_since, p_until, p_exclude_ci).

-- events: by their own tool, timestamp and CI flag
CREATE OR REPLACE TEMP MACRO export_events(p_tool, p_since, p_until, p_exclude_ci) AS TABLE
    SELECT *
    FROM events
    WHERE (p_tool::VARCHAR IS NULL OR tool_name = p_tool::VARCHAR)
      AND (p_since::TIMESTAMPTZ IS NULL OR ts >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR ts < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected);

-- sessions: by their start, the tools they used and their CI flag
CREATE OR REPLACE TEMP MACRO export_sessions(p_tool, p_since, p_until, p_exclude_ci) AS TABLE
    SELECT *
    FROM sessions
    WHERE (p_tool::VARCHAR IS NULL OR list_contains(tools, p_tool::VARCHAR))
      AND (p_since::TIMESTAMPTZ IS NULL OR started_at >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR started_at < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected);

-- workflow runs: by their start, their tool and their CI flag, kept or dropped whole
CREATE OR REPLACE TEMP MACRO export_workflow_runs(p_tool, p_since, p_until, p_exclude_ci) AS TABLE
    SELECT *
    FROM workflow_runs
    WHERE (p_tool::VARCHAR IS NULL OR tool_name = p_tool::VARCHAR)
      AND (p_since::TIMESTAMPTZ IS NULL OR started_at >= p_since::TIMESTAMPTZ)
      AND (p_until::TIMESTAMPTZ IS NULL OR started_at < p_until::TIMESTAMPTZ)
      AND NOT (p_exclude_ci::BOOLEAN AND ci_detected);

-- workflow steps: those of the runs kept, every step of them
CREATE OR REPLACE TEMP MACRO export_workflow_steps(p_tool, p_since, p_until, p_exclude_ci) AS TABLE
    SELECT *
    FROM workflow_steps
    WHERE workflow_run_id IN (
        SELECT workflow_run_id FROM export_workflow_runs(p_tool, p_since, p_until, p_exclude_ci));

-- an instant as ISO-8601 UTC text, as Java's Instant.toString writes it: no fraction when the second
-- is whole, else milliseconds or microseconds, as many as needed
CREATE OR REPLACE TEMP MACRO iso_utc(t) AS
    CASE WHEN t IS NULL THEN NULL
         WHEN epoch_us(t) % 1000000 = 0 THEN strftime(t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')
         WHEN epoch_us(t) % 1000 = 0 THEN strftime(t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')
         ELSE strftime(t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ')
    END;

-- an XES attribute value (xes_events.sql): markup characters as entities, the characters XML 1.0
-- cannot hold (controls other than tab, newline and return; U+FFFE, U+FFFF) as U+FFFD
-- (one test for the usual value that needs none; seven replacements only for the others)
CREATE OR REPLACE TEMP MACRO xes_text(s) AS
    CASE WHEN NOT regexp_matches(s, '[&<>"\x00-\x1F\x{FFFE}\x{FFFF}]') THEN s
         ELSE regexp_replace(replace(replace(replace(replace(replace(replace(replace(s,
                  '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'),
                  chr(9), '&#9;'), chr(10), '&#10;'), chr(13), '&#13;'),
                  '[\x00-\x1F\x{FFFE}\x{FFFF}]', chr(65533), 'g')
    END;
