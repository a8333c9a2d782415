package dev.clianalytics.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One section of the HTML report: its data, computed from the database, is embedded in the page as
 * JSON under {@link #key()}, and the page's script draws it with the renderer registered under the
 * same key in report.js ({@code SECTIONS[key]}). Adding a section is these two things plus one entry in
 * {@link HtmlReport#SECTIONS}; see docs/report.md ("report html: adding a section").
 */
public interface HtmlSection {
    /** The JSON key of the section's data, its anchor in the page and its renderer's name in report.js. */
    String key();

    /** The heading shown in the page and in its table of contents. */
    String title();

    /** The section's data, or null when there is nothing to show (the section is then left out). */
    JsonNode data(HtmlContext context);
}
