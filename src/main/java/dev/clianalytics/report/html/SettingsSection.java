package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What the numbers come from: the data range, the filters, infer's settings, and the privacy rules applied. */
final class SettingsSection implements HtmlSection {
    /** SPEC §4.1, as it applies to everything in the page (docs/ingest.md has the details). */
    static final List<String> PRIVACY_RULES = List.of(
            "Actor, machine and session ids are stored only as keyed hashes (HMAC-SHA256 with a salt kept outside"
                    + " the database); no raw id appears here.",
            "Command paths keep at most 16 command words; any word that is not a plain command word or has the"
                    + " shape of a secret is replaced by [redacted].",
            "Flags keep their names only, never values; names that mention tokens, passwords, keys or other"
                    + " secrets are dropped.",
            "Error types have URLs, e-mail addresses, tokens, paths and IP addresses replaced by <url>, <email>,"
                    + " <token>, <path> and <ip>; error messages are not stored.",
            "This file makes no network request: the charting library and the data are inside it.");

    /** The rules and the small-cohort rule of docs/report.md, for K > 1. */
    private static List<String> withCohort(int k) {
        List<String> rules = new java.util.ArrayList<>(PRIVACY_RULES);
        rules.add(rules.size() - 1, "A number computed from fewer than " + k + " distinct actors is not shown (–), nor"
                + " one more where a total would give it away; the flow graph draws such steps and transitions dashed,"
                + " without numbers.");
        return rules;
    }

    @Override
    public String key() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings, data and privacy";
    }

    @Override
    public JsonNode data(HtmlContext context) {
        ObjectNode s = context.summaryJson();
        ObjectNode data = HtmlContext.JSON.createObjectNode();
        data.putObject("data_range").set("first_event_at", s.get("first_event_at"));
        ((ObjectNode) data.get("data_range")).set("last_event_at", s.get("last_event_at"));
        data.set("filters", s.get("filters"));
        data.set("infer", s.get("infer"));
        data.put("top", context.top());
        if (context.cohort().k > 1) { // the ledger of --min-cohort; a page with it off is as before it existed
            data.put("min_cohort", context.cohort().k);
            data.put("suppressed_cells", context.cohort().suppressed());
        }
        data.putPOJO("privacy_rules", context.cohort().k <= 1 ? PRIVACY_RULES : withCohort(context.cohort().k));
        return data;
    }
}
