package dev.clianalytics.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** export --format xes: the exact log of hand-made runs, valid against the XES schema, and its structural rules. */
class XesExportTest {
    static final String XES = "http://www.xes-standard.org/";

    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void buildFixture() throws Exception {
        db = DiscoveryFixture.create(dir);
    }

    static String exportToStdout(String... extra) {
        List<String> args = new ArrayList<>(List.of("export", "--to", "-", "--format", "xes"));
        args.addAll(List.of(extra));
        CliRun.Result r = CliRun.withDb(db).run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    @Test
    void theLogIsExactlyTheReviewedOne() throws Exception {
        Golden.assertMatches("discovery/workflow_runs.xes", exportToStdout());
    }

    @Test
    void theLogIsValidAgainstTheXesSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(getClass().getResourceAsStream("/xes/xes-ieee-1849.xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(
                exportToStdout().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theSchemaRejectsALogThatBreaksItsStructure() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(getClass().getResourceAsStream("/xes/xes-ieee-1849.xsd")));
        // a timestamp that is no xs:dateTime
        String broken = exportToStdout().replace("<date key=\"time:timestamp\" value=\"2026-03-01T09:00:00.000000Z\"/>",
                "<date key=\"time:timestamp\" value=\"yesterday\"/>");
        assertThat(broken).contains("yesterday");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))).hasMessageContaining("yesterday");
    }

    /**
     * The rules the schema cannot state: every attribute prefix is a declared extension, classifier
     * keys are global event attributes, every trace and event has the global attributes, a trace
     * per run and an event per command, events in time order.
     */
    @Test
    void theLogKeepsTheStandardsRulesBeyondTheSchema() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(exportToStdout().getBytes(StandardCharsets.UTF_8)));
        Element log = doc.getDocumentElement();
        assertThat(log.getNamespaceURI()).isEqualTo(XES);
        Set<String> prefixes = new HashSet<>();
        children(log, "extension").forEach(e -> prefixes.add(e.getAttribute("prefix")));
        assertThat(prefixes).containsExactlyInAnyOrder("concept", "time", "lifecycle", "org");
        Set<String> globalEvent = new HashSet<>();
        Set<String> globalTrace = new HashSet<>();
        for (Element g : children(log, "global")) {
            (g.getAttribute("scope").equals("trace") ? globalTrace : globalEvent).addAll(keys(g));
        }
        for (Element c : children(log, "classifier")) {
            assertThat(globalEvent).containsAll(List.of(c.getAttribute("keys").split(" ")));
        }
        List<Element> traces = children(log, "trace");
        assertThat(traces).hasSize(7);
        long events = 0;
        for (Element t : traces) {
            assertThat(keys(t)).containsAll(globalTrace).contains("workflow_name", "outcome", "actor_hash");
            String previous = "";
            for (Element e : children(t, "event")) {
                events++;
                assertThat(keys(e)).containsAll(globalEvent);
                String ts = attribute(e, "time:timestamp");
                assertThat(ts).isGreaterThanOrEqualTo(previous);
                previous = ts;
                for (String key : keys(e)) {
                    assertThat(!key.contains(":") || prefixes.contains(key.substring(0, key.indexOf(':')))).as(key).isTrue();
                }
            }
        }
        assertThat(events).isEqualTo(17);
    }

    @Test
    void theFiltersChooseTheRunsAndADirectoryGetsTheLogFile() throws Exception {
        assertThat(exportToStdout("--since", "2026-03-01T11:00:00Z")).contains("<string key=\"outcome\" value=\"IN_PROGRESS\"/>")
                .doesNotContain("value=\"SUCCESS\"");
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.withDb(db).run("export", "--to", out.toString(), "--format", "xes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("wrote " + out.resolve("workflow_runs.xes") + " (7 traces, 17 events)\n");
        assertThat(Files.readString(out.resolve("workflow_runs.xes"))).isEqualTo(exportToStdout());
    }

    @Test
    void namingTablesWithXesIsAUsageError() {
        CliRun.Result r = CliRun.withDb(db).run("export", "sessions", "--to", "-", "--format", "xes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --format xes writes one event log of the workflow runs (a trace per run,"
                + " an event per command): name no tables, not sessions\n");
    }

    @Test
    void noRunInScopeIsAValidLogWithoutTraces() throws Exception {
        String log = exportToStdout("--since", "2030-01-01T00:00:00Z");
        assertThat(log).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").endsWith("\"/>\n</log>\n")
                .doesNotContain("<trace>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markupAndCharactersXmlCannotHoldAreEscapedInAttributeValues(@TempDir Path other) throws Exception {
        Path copy = other.resolve("escaped.duckdb");
        Files.copy(db, copy);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + copy);
                java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE workflow_step_rows SET error_type = 'a<b & \"c\" > d' || chr(9) || chr(10) || chr(13)"
                    + " || chr(1) || chr(65535) || 'é✓' WHERE workflow_run_id = 1 AND position = 1");
        }
        CliRun.Result r = CliRun.withDb(copy).run("export", "--to", "-", "--format", "xes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("<string key=\"error_type\" value=\"a&lt;b &amp; &quot;c&quot; &gt; d&#9;&#10;&#13;\uFFFD\uFFFDé✓\"/>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8))); // well-formed
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name) && XES.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Set<String> keys(Element parent) {
        Set<String> keys = new HashSet<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.hasAttribute("key")) {
                keys.add(e.getAttribute("key"));
            }
        }
        return keys;
    }

    private static String attribute(Element parent, String key) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && key.equals(e.getAttribute("key"))) {
                return e.getAttribute("value");
            }
        }
        return null;
    }
}
