package dev.clianalytics.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clianalytics.CliAnalyticsException;
import dev.clianalytics.report.CheckRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * `check`'s rules, from a YAML file or from options. A rate or duration rule takes one value
 * (about every run) or a mapping of workflow name to value:
 * <pre>
 * min_success_rate: {apply_workflow: 90, build_workflow: 80}
 * max_failure_rate: 15
 * max_median_duration: {apply_workflow: 5m}
 * no_regression: true
 * max_new_error_types: 0
 * min_runs: 30
 * </pre>
 * Anything else is {@link Malformed}: the command says what and where, and exits 2.
 */
public final class CheckRules {
    public static final String KIND = "rules file";

    private CheckRules() {}

    /** A rules file or rule option that cannot be read as rules. */
    public static final class Malformed extends CliAnalyticsException {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    /** The rules, in file order, and min_runs (null when the file does not set it). */
    public record Parsed(List<CheckRule> rules, Integer minRuns) {}

    public static Parsed read(Path file) {
        byte[] bytes;
        try {
            bytes = YamlFiles.bytes(KIND, file);
        } catch (CliAnalyticsException e) {
            throw new Malformed(e.getMessage());
        }
        JsonNode root;
        try {
            root = YamlFiles.parse(KIND, file.toString(), bytes, p -> new ObjectMapper(new YAMLFactory()).readTree(p));
        } catch (CliAnalyticsException e) {
            throw new Malformed(e.getMessage());
        }
        String where = KIND + " " + file;
        if (root == null || !root.isObject()) {
            throw new Malformed(where + ": expected a mapping of rules (e.g. 'max_failure_rate: 15'), not "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<CheckRule> rules = new ArrayList<>();
        Integer minRuns = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case CheckRule.MIN_SUCCESS_RATE, CheckRule.MAX_FAILURE_RATE, CheckRule.MAX_MEDIAN_DURATION -> {
                    if (v.isObject()) {
                        for (Iterator<Map.Entry<String, JsonNode>> w = v.fields(); w.hasNext(); ) {
                            Map.Entry<String, JsonNode> byName = w.next();
                            rules.add(new CheckRule(key, byName.getKey(),
                                    threshold(key, byName.getValue().asText(), where + ": " + key + "." + byName.getKey())));
                        }
                    } else if (v.isValueNode() && !v.isNull()) {
                        rules.add(new CheckRule(key, null, threshold(key, v.asText(), where + ": " + key)));
                    } else {
                        throw new Malformed(where + ": " + key + " takes a value or a mapping of workflow names to values");
                    }
                }
                case CheckRule.NO_REGRESSION -> {
                    if (!v.isBoolean()) {
                        throw new Malformed(where + ": no_regression takes true or false, not '" + v.asText() + "'");
                    }
                    if (v.booleanValue()) {
                        rules.add(new CheckRule(key, null, BigDecimal.ZERO));
                    }
                }
                case CheckRule.MAX_NEW_ERROR_TYPES -> rules.add(new CheckRule(key, null,
                        threshold(key, v.isValueNode() ? v.asText() : "", where + ": " + key)));
                case "min_runs" -> minRuns = count(v.isValueNode() ? v.asText() : "", where + ": min_runs", 1).intValue();
                default -> throw new Malformed(where + ": unknown rule '" + key + "'; the rules are min_success_rate, "
                        + "max_failure_rate, max_median_duration, no_regression, max_new_error_types (and min_runs)");
            }
        }
        return new Parsed(rules, minRuns);
    }

    /** A rule option's value: {@code VALUE} (every run) or {@code WORKFLOW=VALUE}. */
    public static CheckRule option(String rule, String option, String value) {
        int eq = value.lastIndexOf('=');
        String workflow = eq > 0 ? value.substring(0, eq) : null;
        String threshold = eq > 0 ? value.substring(eq + 1) : value;
        return new CheckRule(rule, workflow, threshold(rule, threshold, "option " + option));
    }

    /** The threshold of {@code rule} written as {@code text}; where names the file and key or the option. */
    public static BigDecimal threshold(String rule, String text, String where) {
        return switch (rule) {
            case CheckRule.MIN_SUCCESS_RATE, CheckRule.MAX_FAILURE_RATE -> percent(text, where);
            case CheckRule.MAX_MEDIAN_DURATION -> duration(text, where);
            default -> count(text, where, 0);
        };
    }

    private static BigDecimal percent(String text, String where) {
        String t = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : text.strip();
        try {
            BigDecimal p = new BigDecimal(t);
            if (p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new Malformed(where + ": '" + text + "' is not a percent from 0 to 100 (e.g. 90 or 87.5)");
    }

    private static BigDecimal duration(String text, String where) {
        if (text.strip().matches("\\d{1,15}")) {
            return new BigDecimal(text.strip()); // a bare number is milliseconds, as in the reports' json
        }
        try {
            return BigDecimal.valueOf(Durations.parse(text).toMillis());
        } catch (CliAnalyticsException | IllegalArgumentException e) {
            throw new Malformed(where + ": '" + text + "' is not a duration (e.g. 90s, 5m, 1h30m, or milliseconds)");
        }
    }

    private static BigDecimal count(String text, String where, int least) {
        if (text.strip().matches("\\d{1,9}") && Integer.parseInt(text.strip()) >= least) {
            return new BigDecimal(text.strip());
        }
        throw new Malformed(where + ": '" + text + "' is not a whole number of at least " + least);
    }
}
