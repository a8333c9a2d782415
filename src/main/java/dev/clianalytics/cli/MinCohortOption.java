package dev.clianalytics.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `--min-cohort K` of every aggregate report (docs/report.md, "Small cohorts"). */
final class MinCohortOption {
    /** The default of a page meant to be shared (html); terminal formats default to 1 (off). */
    static final int SHARED_DEFAULT = 5;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--min-cohort", paramLabel = "K",
            description = "Show a row or value only when it comes from at least K distinct actors, else <K"
                    + " (null in json), hiding one more row where a total would give it away; 1 switches"
                    + " it off (default: 1, for html " + SHARED_DEFAULT + ").")
    Integer k;

    /** K as given, else the default for the format; a K below 1 is a usage error naming the option. */
    int resolve(boolean shared) {
        if (k == null) {
            return shared ? SHARED_DEFAULT : 1;
        }
        if (k < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--min-cohort must be a whole number of at least 1, not " + k);
        }
        return k;
    }
}
