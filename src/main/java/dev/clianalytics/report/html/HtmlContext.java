package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Document;
import dev.clianalytics.report.InferInfo;
import dev.clianalytics.report.ReportFilter;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.Releases;
import dev.clianalytics.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

/**
 * What every section may read: the connection, the infer run, the filter (tool already resolved),
 * the list length, the summary with its JSON (`report summary --format json`, computed once;
 * sections show its numbers, so the page and the JSON report always agree), and every version
 * compared at the default run threshold (the summary's regressions are its flagged ones; the
 * versions section lists it), so the page compares versions once.
 */
public record HtmlContext(Connection connection, InferInfo infer, ReportFilter filter, int top, Summary summary,
        ObjectNode summaryJson, List<Releases.Release> releases, Cohort cohort) {
    /**
     * `--min-cohort` of the page (K, 5 unless given) and the cells its sections suppressed, which
     * the settings section reports (the ledger of docs/report.md, "Small cohorts").
     */
    static final class Cohort {
        final int k;
        private long suppressed;

        Cohort(int k) {
            this.k = k;
        }

        /** A document suppressed already (Cohorts) as its JSON, its ledger counted and left out. */
        ObjectNode json(Document doc) {
            ObjectNode json = HtmlContext.json(doc);
            if (json.has("suppressed_cells")) {
                suppressed += json.get("suppressed_cells").asLong();
                json.remove("suppressed_cells");
                json.remove("min_cohort");
            }
            return json;
        }

        long suppressed() {
            return suppressed;
        }
    }

    /** Decimals kept as written (50.00 stays 50.00, as in the JSON report). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * A report as its `--format json` output: sections embed what the JSON renderer writes, so the
     * page shows exactly the numbers (and rounding) of the JSON reports.
     */
    public static ObjectNode json(Document doc) {
        StringWriter json = new StringWriter();
        try {
            ReportFormat.JSON.renderer(0).render(doc, json);
            return (ObjectNode) JSON.readTree(json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
