package dev.clianalytics.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.sql.SqlResources;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The named encodings and shared rules of sql/macros: each pack has its unpack, each rule its cases. */
class InferMacrosTest {
    private Connection c;

    @BeforeEach
    void macros() throws SQLException {
        c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            for (String file : InferPlan.MACROS) {
                for (String statement : SqlResources.statements(SqlResources.load(file))) {
                    st.execute(statement);
                }
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String one(String expression) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT (" + expression + ")::VARCHAR")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * "No session hint" must differ from every hint when consecutive events are compared
     * (int_events_sessionized): that holds only because DuckDB's hash of NULL is a constant, not NULL.
     * A DuckDB upgrade that changes it fails here rather than in the sessions.
     */
    @Test
    void theKeyOfAMissingTextIsANonNullConstantThatDiffersFromEveryText() throws SQLException {
        assertThat(one("text_key(NULL::VARCHAR) IS NOT NULL")).isEqualTo("true");
        assertThat(one("text_key(NULL::VARCHAR) = text_key(NULL::VARCHAR)")).isEqualTo("true");
        assertThat(one("text_key(NULL::VARCHAR) <> text_key('')")).isEqualTo("true");
        assertThat(one("text_key(NULL::VARCHAR) <> text_key('0123456789abcdef')")).isEqualTo("true");
        assertThat(one("text_key('a') = text_key('a') AND text_key('a') <> text_key('b')")).isEqualTo("true");
    }

    @Test
    void aTripleUnpacksToItsThreeStepsUpToTheLargestStepId() throws SQLException {
        assertThat(one("max_step_id()")).isEqualTo("2097151");
        assertThat(one("SELECT [prev2_step_of(k), prev_step_of(k), step_of(k)] FROM (SELECT pack_triple(7, 0, 2097151) AS k)"))
                .isEqualTo("[7, 0, 2097151]");
        assertThat(one("SELECT [prev2_step_of(k), prev_step_of(k), step_of(k)] FROM (SELECT pack_triple(2097151, 2097151, 1) AS k)"))
                .isEqualTo("[2097151, 2097151, 1]");
        assertThat(one("pack_triple(0, 0, 5)")).isEqualTo("5");
    }

    @Test
    void runKeysSortLikeTheirPairThenTheirNumberAndGiveTheNumberBack() throws SQLException {
        assertThat(one("run_number_of(run_key(123456, 4000000000))")).isEqualTo("4000000000");
        assertThat(one("run_key(1, 4294967295) < run_key(2, 1)")).isEqualTo("true");
    }

    @Test
    void runningStartsCountSessionsAndRunsInOneSum() throws SQLException {
        String sum = "SELECT sum(starts_increment(s, r)) FROM (VALUES (true, true), (false, true), (false, false), (true, true),"
                + " (false, true)) AS t(s, r)";
        assertThat(one("sessions_counted((" + sum + "))")).isEqualTo("2");
        assertThat(one("runs_counted((" + sum + "))")).isEqualTo("4");
    }

    @Test
    void outcomeAndSplitReasonCodesSpellBackTheirNames() throws SQLException {
        for (String outcome : new String[] {"SUCCESS", "FAILED", "ABANDONED", "IN_PROGRESS"}) {
            assertThat(one("outcome_name(outcome_code_of('" + outcome + "'))")).isEqualTo(outcome);
        }
        for (String reason : new String[] {"first", "inactivity", "hint_change", "ci_change"}) {
            assertThat(one("split_reason(split_code_of('" + reason + "'))")).isEqualTo(reason);
        }
        assertThat(one("[outcome_code_of('SUCCESS'), outcome_code_of('FAILED'), split_code_of('first')]"))
                .isEqualTo("[1, 2, 1]");
    }

    @Test
    void aRunIsNamedAfterItsMostFrequentTerminalLeafTiesToTheFirstSeen() throws SQLException {
        assertThat(one("run_leaf([]::INTEGER[])")).isEqualTo("0");
        assertThat(one("run_leaf(NULL::INTEGER[])")).isEqualTo("0");
        assertThat(one("run_leaf([3])")).isEqualTo("3");
        assertThat(one("run_leaf([3, 5, 5])")).isEqualTo("5");
        assertThat(one("run_leaf([3, 5, 3])")).isEqualTo("3");
        assertThat(one("run_leaf([2, 3, 5])")).isEqualTo("2");
        assertThat(one("run_leaf([5, 3, 3, 5, 9])")).isEqualTo("5");
        assertThat(one("run_leaf([9, 3, 3, 5, 5, 5])")).isEqualTo("5");
    }

    @Test
    void valuesCollectedInAnyOrderComeBackInStepOrder() throws SQLException {
        assertThat(one("SELECT in_step_order(list({'position': p, 'value': v})) FROM (VALUES (3, 'c'), (1, 'a'), (2, 'b')) AS t(p, v)"))
                .isEqualTo("[a, b, c]");
        assertThat(one("SELECT in_step_order(list({'position': p, 'value': v}) FILTER (WHERE v > 5)) FROM (VALUES (1, 3)) AS t(p, v)"))
                .isEqualTo(null);
    }

    /** run_outcome_code(last in session, closes its run (a terminal step with an exit code), last exit code, end µs, as_of, timeout ms). */
    @Test
    void aRunIsInProgressUntilClosedThenSucceedsFailsOrIsAbandonedByItsLastStep() throws SQLException {
        String asOf = "TIMESTAMPTZ '2026-01-10 12:00:00+00'";
        String end = "epoch_us(TIMESTAMPTZ '2026-01-10 11:50:00+00')";   // 10 minutes before as_of
        String late = "epoch_us(TIMESTAMPTZ '2026-01-10 11:00:00+00')";  // an hour before
        assertThat(one("outcome_name(run_outcome_code(true, false, NULL, " + end + ", " + asOf + ", 1800000::BIGINT))"))
                .isEqualTo("IN_PROGRESS");
        assertThat(one("outcome_name(run_outcome_code(true, false, 1, " + end + ", " + asOf + ", 1800000::BIGINT))"))
                .isEqualTo("IN_PROGRESS");
        assertThat(one("outcome_name(run_outcome_code(true, true, 0, " + end + ", " + asOf + ", 1800000::BIGINT))")).isEqualTo("SUCCESS");
        assertThat(one("outcome_name(run_outcome_code(true, true, 2, " + end + ", " + asOf + ", 1800000::BIGINT))")).isEqualTo("FAILED");
        assertThat(one("outcome_name(run_outcome_code(false, false, 1, " + end + ", " + asOf + ", 1800000::BIGINT))")).isEqualTo("FAILED");
        assertThat(one("outcome_name(run_outcome_code(false, false, 0, " + end + ", " + asOf + ", 1800000::BIGINT))"))
                .isEqualTo("ABANDONED");
        assertThat(one("outcome_name(run_outcome_code(false, false, NULL, " + end + ", " + asOf + ", 1800000::BIGINT))"))
                .isEqualTo("ABANDONED");
        assertThat(one("outcome_name(run_outcome_code(true, false, NULL, " + late + ", " + asOf + ", 1800000::BIGINT))"))
                .isEqualTo("ABANDONED");
        assertThat(one("outcome_name(run_outcome_code(true, false, 0, " + late + ", " + asOf + ", 3600000::BIGINT))"))
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void anEventEndsItsDurationAfterItsTimestampAMissingDurationCountingZero() throws SQLException {
        assertThat(one("make_timestamptz(event_end_us(TIMESTAMPTZ '2026-01-10 09:00:00+00', 1500))"))
                .startsWith("2026-01-10 09:00:01.5");
        assertThat(one("event_end_us(TIMESTAMPTZ '2026-01-10 09:00:00+00', NULL) = epoch_us(TIMESTAMPTZ '2026-01-10 09:00:00+00')"))
                .isEqualTo("true");
    }

    /** The closed form of int_step_triples (up to three steps) and the aggregate of int_runs give one key. */
    @Test
    void aSequenceHasOneKeyWhicheverWayItsPartsAreCombined() throws SQLException {
        assertThat(one("xor(xor(sequence_part(1, 11), sequence_part(2, 12)), sequence_part(3, 13))"
                + " = (SELECT bit_xor(sequence_part(p, s)) FROM (VALUES (1, 11), (2, 12), (3, 13)) AS t(p, s))"))
                .isEqualTo("true");
        assertThat(one("xor(sequence_part(1, 11), sequence_part(2, 12)) <> xor(sequence_part(1, 12), sequence_part(2, 11))"))
                .isEqualTo("true");
    }
}
