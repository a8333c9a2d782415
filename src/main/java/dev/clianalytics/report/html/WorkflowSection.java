package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clianalytics.report.Cohorts;
import dev.clianalytics.report.Layouts;
import dev.clianalytics.report.Reports;

/**
 * One workflow in depth, for `report workflow NAME --format html`: `report workflow NAME --format json`
 * without its infer and filters (the settings section has them).
 */
final class WorkflowSection implements HtmlSection {
    private final String name;
    private final int paths;

    /** paths: rows of common_paths, as report workflow decides them. */
    WorkflowSection(String name, int paths) {
        this.name = name;
        this.paths = paths;
    }

    @Override
    public String key() {
        return "workflow";
    }

    @Override
    public String title() {
        return "Workflow " + name;
    }

    @Override
    public JsonNode data(HtmlContext context) {
        ObjectNode json = context.cohort().json(Cohorts.workflow(context.connection(), context.filter(), name,
                Layouts.workflow(Reports.workflow(context.connection(), context.infer(), name, context.filter(),
                        context.top(), paths)), context.cohort().k, true));
        json.remove("infer");
        json.remove("filters");
        return json;
    }
}
