package dev.clianalytics.report.html;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a written page back: the JSON data block, and the page without its inline scripts. */
public final class HtmlPage {
    static final String DATA_START = "<script type=\"application/json\" id=\"report-data\">";

    private HtmlPage() {}

    /** The page with every inline script's body left out: the markup, styles and element attributes. */
    public static String markup(String page) {
        return page.replaceAll("(?s)(<script[^>]*>).*?(</script>)", "$1$2");
    }

    /** The bodies of the inline scripts, in page order: the data, ECharts, the page's own script. */
    public static java.util.List<String> scripts(String page) {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<script[^>]*>(.*?)</script>").matcher(page);
        while (m.find()) {
            bodies.add(m.group(1));
        }
        return bodies;
    }

    /** The data block as written (with '<' escaped as \u003c). */
    public static String dataBlock(String page) {
        int start = page.indexOf(DATA_START);
        assertThat(start).as("the page has a data block").isPositive();
        int end = page.indexOf("</script>", start);
        return page.substring(start + DATA_START.length(), end);
    }
}
