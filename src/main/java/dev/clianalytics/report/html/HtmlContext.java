package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.InferInfo;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.Summary;
import java.sql.Connection;

/**
 * What every section may read: the connection, the infer run, the filter (tool already resolved),
 * the list length, and the summary with its JSON (`report summary --format json`, computed once;
 * sections show its numbers, so the page and the JSON report always agree).
 */
public record HtmlContext(Connection connection, InferInfo infer, ReportFilter filter, int top, Summary summary,
        ObjectNode summaryJson) {
    /** Decimals kept as written (50.00 stays 50.00, as in the JSON report). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
}
