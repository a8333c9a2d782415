-- The reasons lines were rejected for, most frequent first (as ingest's --max-rejects message and
-- summary give them), each with its count and its first five lines (file and line, in input order),
-- from TEMP VIEW lines. SparkJob reads it before writing anything when --max-rejects is given.
SELECT reason, count(*) AS n,
       transform(slice(array_sort(collect_list(named_struct('file_index', file_index, 'line_no', line_no, 'file', file))),
                       1, 5), x -> x.file || ':' || x.line_no) AS first_lines
FROM lines
WHERE reason IS NOT NULL
GROUP BY reason
ORDER BY n DESC, reason
