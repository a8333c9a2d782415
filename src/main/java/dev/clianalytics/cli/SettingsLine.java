package dev.clianalytics.cli;

import dev.clianalytics.config.Durations;
import dev.clianalytics.infer.SettingsFile;
import dev.clianalytics.infer.SettingsLayers.Resolved;
import dev.clianalytics.infer.SettingsLayers.Source;
import java.nio.file.Path;

/** Says in one line which settings an infer used and where each came from. */
final class SettingsLine {
    private SettingsLine() {}

    /** infer's line: {@code using the settings of the last infer: session timeout 1h, workflows wf.yaml (saved copy)}. */
    static String infer(Resolved r) {
        String timeout = timeout(r);
        String workflows = workflows(r) + (savedCopy(r) ? " (saved copy)" : "");
        if (r.sessionTimeout() == r.workflows()) {
            return "using " + headline(r.sessionTimeout(), r.settingsFile()) + ": " + timeout + ", " + workflows;
        }
        return "using " + timeout + " (" + source(r.sessionTimeout(), r.settingsFile()) + "), " + workflows(r) + " ("
                + source(r.workflows(), r.settingsFile()) + (savedCopy(r) ? ", saved copy" : "") + ")";
    }

    /** The settings a report refreshes with: {@code the settings of the last infer (session timeout 1h, workflows wf.yaml)}. */
    static String refresh(Resolved r) {
        if (r.sessionTimeout() == r.workflows()) {
            return headline(r.sessionTimeout(), r.settingsFile()) + " (" + timeout(r) + ", " + workflows(r) + ")";
        }
        return timeout(r) + " (" + source(r.sessionTimeout(), r.settingsFile()) + "), " + workflows(r) + " ("
                + source(r.workflows(), r.settingsFile()) + ")";
    }

    private static String timeout(Resolved r) {
        return "session timeout " + Durations.format(r.settings().sessionTimeout());
    }

    private static String workflows(Resolved r) {
        String file = r.settings().workflowsFile();
        if (r.workflows() == Source.SETTINGS_FILE && SettingsFile.NAME.equals(file)) {
            return "inline workflows";
        }
        return file == null ? "default workflows" : "workflows " + file;
    }

    /** Workflows reused from the database, not read from their file again. */
    private static boolean savedCopy(Resolved r) {
        return r.workflows() == Source.LAST_INFER && r.settings().workflowsFile() != null;
    }

    private static String headline(Source s, Path settingsFile) {
        return switch (s) {
            case GIVEN -> "the settings given";
            case SETTINGS_FILE -> "the settings of " + settingsFile;
            case LAST_INFER -> "the settings of the last infer";
            case BUILT_IN -> "the built-in settings";
        };
    }

    private static String source(Source s, Path settingsFile) {
        return switch (s) {
            case GIVEN -> "given";
            case SETTINGS_FILE -> String.valueOf(settingsFile);
            case LAST_INFER -> "last infer";
            case BUILT_IN -> "built-in";
        };
    }
}
