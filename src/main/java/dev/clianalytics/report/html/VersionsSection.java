package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.InsightLayouts;
import dev.clianalytics.report.Insights;
import dev.clianalytics.report.Releases;
import dev.clianalytics.report.VersionsReport;

/**
 * Release regressions: the versions table of `report versions --format json` (success rate, its 95%
 * Wilson interval, the version compared to and the regression flag), computed by report/Releases.
 */
final class VersionsSection implements HtmlSection {
    private final String workflow;
    private final int minRuns;
    private final Integer newest;

    /** workflow: null for every workflow's runs; newest: each tool's N newest versions, null for all. */
    VersionsSection(String workflow, int minRuns, Integer newest) {
        this.workflow = workflow;
        this.minRuns = minRuns;
        this.newest = newest;
    }

    VersionsSection() {
        this(null, Releases.DEFAULT_MIN_RUNS, null);
    }

    @Override
    public String key() {
        return "versions";
    }

    @Override
    public String title() {
        return "Release regressions";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        // every workflow at the default threshold: the versions the page compared once (HtmlContext)
        VersionsReport versions = workflow == null && minRuns == Releases.DEFAULT_MIN_RUNS
                ? Insights.versions(context.filter(), context.infer(), null, minRuns, context.releases(), newest)
                : Insights.versions(context.connection(), context.infer(), context.filter(), workflow, minRuns, newest);
        // --min-cohort: each version by its own distinct actors (its actors column)
        ObjectNode report = context.cohort().json(Cohorts.scope(InsightLayouts.versions(versions, false),
                context.cohort().k, true));
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.put("workflow", workflow);
        data.put("min_runs", minRuns);
        data.set("versions", report.get("versions"));
        return data;
    }
}
