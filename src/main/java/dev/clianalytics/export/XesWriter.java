package dev.clianalytics.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes an IEEE 1849 (XES) event log element by element, so a log of any size needs constant
 * memory: the header, then traces opened and closed as the runs stream by, then the footer.
 * Text the XML 1.0 character set excludes (control characters, lone surrogates) becomes U+FFFD.
 */
final class XesWriter {
    private final Writer out;

    XesWriter(Writer out) {
        this.out = out;
    }

    /**
     * The log element with the standard extensions the attributes use, the attributes every trace
     * and event has (globals, with defaults), the classifiers, and the log's name. xes.version is
     * the schema's decimal version of the IEEE standard (2.0); its namespace is the XES one.
     */
    void begin(String logName) throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <log xes.version="2.0" xes.features="" xmlns="http://www.xes-standard.org/">
                  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
                  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
                  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
                  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
                  <global scope="trace">
                    <string key="concept:name" value="__INVALID__"/>
                  </global>
                  <global scope="event">
                    <string key="concept:name" value="__INVALID__"/>
                    <date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>
                    <string key="lifecycle:transition" value="complete"/>
                    <string key="org:resource" value="__INVALID__"/>
                  </global>
                  <classifier name="Activity" keys="concept:name"/>
                  <classifier name="Activity_and_transition" keys="concept:name lifecycle:transition"/>
                """);
        string("  ", "concept:name", logName);
    }

    void beginTrace(long runId, String workflowName, String outcome, String actorHash, String toolName)
            throws IOException {
        out.write("  <trace>\n");
        string("    ", "concept:name", Long.toString(runId));
        string("    ", "workflow_name", workflowName);
        string("    ", "outcome", outcome);
        string("    ", "actor_hash", actorHash);
        string("    ", "tool_name", toolName);
    }

    /** One command: its step, when it ran, who ran it, and its exit code, duration and error when known. */
    void event(String step, String timestamp, String actorHash, Integer exitCode, Long durationMs, String errorType)
            throws IOException {
        out.write("    <event>\n");
        string("      ", "concept:name", step);
        out.write("      <date key=\"time:timestamp\" value=\"" + timestamp + "\"/>\n");
        out.write("      <string key=\"lifecycle:transition\" value=\"complete\"/>\n");
        string("      ", "org:resource", actorHash);
        if (exitCode != null) {
            out.write("      <int key=\"exit_code\" value=\"" + exitCode + "\"/>\n");
        }
        if (durationMs != null) {
            out.write("      <int key=\"duration_ms\" value=\"" + durationMs + "\"/>\n");
        }
        if (errorType != null) {
            string("      ", "error_type", errorType);
        }
        out.write("    </event>\n");
    }

    void endTrace() throws IOException {
        out.write("  </trace>\n");
    }

    void end() throws IOException {
        out.write("</log>\n");
        out.flush();
    }

    private void string(String indent, String key, String value) throws IOException {
        out.write(indent);
        out.write("<string key=\"");
        out.write(key);
        out.write("\" value=\"");
        escape(value == null ? "" : value);
        out.write("\"/>\n");
    }

    /** An attribute value: markup characters as entities, characters XML cannot hold replaced. */
    private void escape(String s) throws IOException {
        if (plain(s)) {
            out.write(s); // the usual case, in one call: a write per character costs a lock each
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write("&quot;");
                case '\t' -> out.write("&#9;");
                case '\n' -> out.write("&#10;");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.write(c);
                        out.write(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.write('\uFFFD');
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }

    /** Nothing to escape or replace: printable ASCII other than the markup characters. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"') {
                return false;
            }
        }
        return true;
    }
}
