-- Schema 11: where a command's failure came from, as the Segment catalog's Command Failed says
-- (error_source, http_status; specification §3, §4.1), for the workflow report's failure
-- breakdowns. Both are optional: events stored by earlier builds keep NULL (unknown).

-- an enum-like word, lower-cased: cli, api, network, user, … ([a-z][a-z0-9_-]{0,31}, never secret-shaped)
ALTER TABLE events ADD COLUMN error_source VARCHAR;
-- the HTTP status of the failed request, 100..599
ALTER TABLE events ADD COLUMN http_status SMALLINT;
