package dev.clianalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Section.Column;
import dev.clianalytics.report.Section.Table;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final String LONG = "terraform/init -> terraform/validate -> terraform/plan[--out,--var-file]"
            + " -> terraform/apply[--auto-approve] -> terraform/output";

    private static Document doc() {
        Table t = new Table("paths", "Paths", List.of(
                new Column("runs", "runs", Kind.COUNT),
                new Column("note", "note", Kind.TEXT),
                new Column("fingerprint", "fingerprint", Kind.PATH)),
                List.of(Arrays.asList(1234567L, "a \"quoted\", text", LONG), Arrays.asList(2L, null, "x|y")));
        return new Document("T", List.of(t));
    }

    private static String render(ReportFormat f, Document d) throws Exception {
        StringWriter w = new StringWriter();
        f.renderer(80).render(d, w);
        return w.toString();
    }

    @Test
    void tableShortensLongPathsFromTheFrontToFitEightyColumns() throws Exception {
        String out = render(ReportFormat.TABLE, doc());
        assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(out).contains("1,234,567").contains("…").contains("apply[--auto-approve] -> terraform/output\n")
                .doesNotContain(LONG);
    }

    @Test
    void aMessageThatWouldBeCutBesideAPathGoesUnderItsRowWithTheWholeWidth() throws Exception {
        String message = "Error: error configuring S3 Backend: no valid credential sources found (key <token>)";
        Table t = new Table("g", "G", List.of(
                new Column("failures", "failures", Kind.COUNT),
                new Column("error", "top error", Kind.MESSAGE),
                new Column("steps", "steps", Kind.PATH)),
                List.of(Arrays.asList(23L, message, "terraform/init -> terraform/plan -> terraform/apply"),
                        Arrays.asList(2L, "Short", "npm/test")));
        assertThat(render(ReportFormat.TABLE, new Document("T", List.of(t)))).isEqualTo("""
                T
                =

                G
                  failures  steps
                  --------  ---------------------------------------------------
                        23  terraform/init -> terraform/plan -> terraform/apply
                      top error: Error: error configuring S3 Backend: no valid credential sourc…
                         2  npm/test
                      top error: Short
                """);
    }

    @Test
    void aMessageThatFitsStaysInItsColumnAndThePathIsShortenedFromTheFront() throws Exception {
        Table t = new Table("g", "G", List.of(
                new Column("failures", "failures", Kind.COUNT),
                new Column("error", "top error", Kind.MESSAGE),
                new Column("steps", "steps", Kind.PATH)),
                List.of(Arrays.asList(23L, "StateLockError", LONG)));
        assertThat(render(ReportFormat.TABLE, new Document("T", List.of(t)))).isEqualTo("""
                T
                =

                G
                  failures  top error       steps
                  --------  --------------  ----------------------------------------------------
                        23  StateLockError  …terraform/apply[--auto-approve] -> terraform/output
                """);
    }

    @Test
    void jsonAndCsvKeepTheFullValueExactly() throws Exception {
        assertThat(render(ReportFormat.JSON, doc())).contains("\"fingerprint\": \"" + LONG + "\"")
                .contains("\"note\": \"a \\\"quoted\\\", text\"").contains("\"runs\": 1234567").contains("\"note\": null");
        assertThat(render(ReportFormat.CSV, doc())).isEqualTo("section,runs,note,fingerprint\r\n"
                + "paths,1234567,\"a \"\"quoted\"\", text\",\"" + LONG + "\"\r\npaths,2,,x|y\r\n");
    }

    @Test
    void aliasesAreWrittenAfterTheColumnsByJsonAndCsvOnly() throws Exception {
        Table t = new Table("paths", "Paths", List.of(
                new Column("count", "runs", Kind.COUNT, List.of("runs")),
                new Column("path", "fingerprint", Kind.PATH, List.of("fingerprint"))),
                List.of(Arrays.asList(3L, "a -> b")));
        Document d = new Document("T", List.of(t));
        assertThat(render(ReportFormat.JSON, d)).contains(
                "{\"count\": 3, \"path\": \"a -> b\", \"runs\": 3, \"fingerprint\": \"a -> b\"}");
        assertThat(render(ReportFormat.CSV, d)).isEqualTo("section,count,path,runs,fingerprint\r\npaths,3,a -> b,3,a -> b\r\n");
        assertThat(render(ReportFormat.TABLE, d)).contains("  runs  fingerprint\n  ----  -----------\n     3  a -> b\n");
        assertThat(render(ReportFormat.MARKDOWN, d)).contains("| runs | fingerprint |\n|---:|---|\n| 3 | `a -> b` |\n");
    }

    @Test
    void markdownEscapesPipesAndAlignsNumbersRight() throws Exception {
        String out = render(ReportFormat.MARKDOWN, doc());
        assertThat(out).contains("| runs | note | fingerprint |\n|---:|---|---|\n").contains("`x\\|y`")
                .contains("| 1,234,567 |");
    }

    @Test
    void valuesForPeople() {
        assertThat(Values.duration(450)).isEqualTo("450ms");
        assertThat(Values.duration(12_345)).isEqualTo("12.3s");
        assertThat(Values.duration(83_000)).isEqualTo("1m 23s");
        assertThat(Values.duration(7_500_000)).isEqualTo("2h 5m");
        assertThat(Values.duration(273_600_000)).isEqualTo("3d 4h");
        assertThat(Values.human(Kind.PERCENT, new BigDecimal("87.50"))).isEqualTo("87.5%");
        assertThat(Values.human(Kind.PERCENT, new BigDecimal("100.00"))).isEqualTo("100%");
        assertThat(Values.human(Kind.TIMESTAMP, Instant.parse("2026-01-24T10:00:00.123456Z"))).isEqualTo("2026-01-24 10:00:00");
        assertThat(Values.exact(Instant.parse("2026-01-24T10:00:00Z"))).isEqualTo("2026-01-24T10:00:00Z");
        assertThat(Percent.of(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Percent.of(1, 0)).isNull();
    }

    @Test
    void editDistanceFindsTheClosestNames() {
        assertThat(Reports.editDistance("aply_workflow", "apply_workflow")).isEqualTo(1);
        assertThat(Reports.suggestions("Apply_Workflow", List.of("test_workflow", "apply_workflow")))
                .isEqualTo("; closest: apply_workflow, test_workflow");
    }
}
