package dev.clianalytics.cli;

import dev.clianalytics.config.CheckRules;
import dev.clianalytics.report.Baseline;
import dev.clianalytics.report.Check;
import dev.clianalytics.report.CheckLayout;
import dev.clianalytics.report.CheckResult;
import dev.clianalytics.report.CheckRule;
import dev.clianalytics.report.ReportFormat;
import dev.clianalytics.report.Releases;
import dev.clianalytics.report.Reports;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = {"Fail a scheduled job or a release pipeline when things get worse.",
                "Checks rules (from options or --rules FILE) on the runs in scope and prints",
                "one line per rule: pass or fail, the measured value, the threshold. Exit 0",
                "when every rule passes, 5 when one fails, 2 for a malformed rules file."},
        footerHeading = "%nExamples:%n",
        footer = {"  cli-analytics check --rules rules.yaml --since 7d",
                "  cli-analytics check --min-success-rate apply_workflow=90 --no-regression",
                "  cli-analytics check --max-new-error-types 0 --baseline last-week.json"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ReportOptions report;

    @Option(names = "--rules", paramLabel = "FILE", description = "A YAML file of rules (docs/report.md); options add to it.")
    Path rulesFile;

    @Option(names = "--min-success-rate", paramLabel = "[WORKFLOW=]PCT",
            description = "Success rate at least PCT percent, of that workflow or of every run. Repeatable.")
    List<String> minSuccessRate = new ArrayList<>();

    @Option(names = "--max-failure-rate", paramLabel = "[WORKFLOW=]PCT",
            description = "Failure rate (FAILED runs) at most PCT percent. Repeatable.")
    List<String> maxFailureRate = new ArrayList<>();

    @Option(names = "--max-median-duration", paramLabel = "[WORKFLOW=]DURATION",
            description = "Median duration of successful runs at most DURATION (90s, 5m). Repeatable.")
    List<String> maxMedianDuration = new ArrayList<>();

    @Option(names = "--no-regression", description = "No version flagged as a regression (as 'report versions').")
    boolean noRegression;

    @Option(names = "--max-new-error-types", paramLabel = "N",
            description = "At most N error types that the baseline does not have (needs --baseline).")
    String maxNewErrorTypes;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Another database, or a saved 'report summary --format json', to compare with.")
    Path baseline;

    @Option(names = "--min-runs", paramLabel = "N",
            description = "Runs a version needs to be compared, for no_regression (default: the rules file's"
                    + " min_runs, else " + Releases.DEFAULT_MIN_RUNS + ").")
    Integer minRuns;

    @Override
    public Integer call() {
        var filter = report.filter();
        List<CheckRule> rules = new ArrayList<>();
        int runs;
        try {
            Integer fileMinRuns = null;
            if (rulesFile != null) {
                CheckRules.Parsed parsed = CheckRules.read(rulesFile);
                rules.addAll(parsed.rules());
                fileMinRuns = parsed.minRuns();
            }
            minSuccessRate.forEach(v -> rules.add(CheckRules.option(CheckRule.MIN_SUCCESS_RATE, "--min-success-rate", v)));
            maxFailureRate.forEach(v -> rules.add(CheckRules.option(CheckRule.MAX_FAILURE_RATE, "--max-failure-rate", v)));
            maxMedianDuration.forEach(v -> rules.add(
                    CheckRules.option(CheckRule.MAX_MEDIAN_DURATION, "--max-median-duration", v)));
            if (noRegression) {
                rules.add(new CheckRule(CheckRule.NO_REGRESSION, null, BigDecimal.ZERO));
            }
            if (maxNewErrorTypes != null) {
                rules.add(new CheckRule(CheckRule.MAX_NEW_ERROR_TYPES, null, CheckRules.threshold(
                        CheckRule.MAX_NEW_ERROR_TYPES, maxNewErrorTypes, "option --max-new-error-types")));
            }
            runs = minRuns != null ? minRuns : fileMinRuns != null ? fileMinRuns : Releases.DEFAULT_MIN_RUNS;
        } catch (CheckRules.Malformed e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (rules.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no rules to check: give --rules FILE or a rule option"
                    + " (e.g. --min-success-rate 90, --no-regression)");
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--min-runs must be at least 1, not " + runs);
        }
        boolean compares = rules.stream().anyMatch(r -> r.name().equals(CheckRule.MAX_NEW_ERROR_TYPES));
        if (compares && baseline == null) {
            throw new ParameterException(spec.commandLine(),
                    "max_new_error_types compares with a baseline: pass --baseline (a database or a saved report's json)");
        }
        Set<String> baselineTypes = compares ? Baseline.errorTypes(baseline) : null;
        boolean people = report.format == ReportFormat.TABLE || report.format == ReportFormat.MARKDOWN;
        AtomicReference<CheckResult> result = new AtomicReference<>();
        ReportRun.run(RootCommand.options(spec), spec.commandLine().getOut(), spec.commandLine().getErr(), report,
                (c, infer) -> {
                    result.set(Check.run(c, infer, Reports.resolveTool(c, filter), rules, runs,
                            baseline == null ? null : baseline.toString(), baselineTypes));
                    return CheckLayout.check(result.get(), people);
                });
        return result.get().passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
