package dev.clianalytics.infer;

import dev.clianalytics.CliAnalyticsException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Which settings an infer uses, setting by setting, the first that gives one winning:
 * command-line options, then cli-analytics.yaml beside the database, then the settings of the
 * last infer on the database (unless --defaults), then the built-in defaults. So a plain
 * {@code infer} (or a report bringing the tables up to date) computes what the last one did.
 * {@code --as-of} is never carried over: it is a question about one moment, not a setting.
 */
public final class SettingsLayers {
    private SettingsLayers() {}

    /** Where a setting came from. */
    public enum Source { GIVEN, SETTINGS_FILE, LAST_INFER, BUILT_IN }

    /**
     * What the command line gave; null for an option not given.
     *
     * @param workflowsFile the base name of the --workflows file
     * @param defaults --defaults: skip the last infer's settings
     */
    public record Given(Duration sessionTimeout, WorkflowConfig workflows, String workflowsFile, Instant asOf,
            boolean defaults) {
        /** A plain infer. */
        public static final Given NONE = new Given(null, null, null, null, false);
    }

    /**
     * The settings to infer with and where each came from.
     *
     * @param settingsFile the settings file read, null when there is none
     */
    public record Resolved(InferSettings settings, Source sessionTimeout, Source workflows, Path settingsFile) {}

    /** The settings of the last infer, as infer_runs stored them. */
    private record Saved(Duration sessionTimeout, String workflowsFile, String workflowsJson, String funnelsFile,
            String funnelsJson) {}

    /** Resolves the settings for an infer on the database {@code c} is connected to. */
    public static Resolved resolve(Connection c, Given given, SettingsFile file) {
        Saved saved = given.defaults() ? null : lastInfer(c);
        InferSettings settings = InferSettings.defaults().withAsOf(given.asOf());
        Source timeoutSource;
        if (given.sessionTimeout() != null) {
            settings = settings.withSessionTimeout(given.sessionTimeout());
            timeoutSource = Source.GIVEN;
        } else if (file != null && file.sessionTimeout() != null) {
            settings = settings.withSessionTimeout(file.sessionTimeout());
            timeoutSource = Source.SETTINGS_FILE;
        } else if (saved != null) {
            settings = settings.withSessionTimeout(saved.sessionTimeout());
            timeoutSource = Source.LAST_INFER;
        } else {
            timeoutSource = Source.BUILT_IN;
        }
        Source workflowsSource;
        if (given.workflows() != null) {
            settings = settings.withWorkflows(given.workflows(), given.workflowsFile());
            workflowsSource = Source.GIVEN;
        } else if (file != null && file.workflows() != null) {
            settings = settings.withWorkflows(file.workflows(), file.workflowsName());
            workflowsSource = Source.SETTINGS_FILE;
        } else if (saved != null) {
            // the copy stored with the run: the file it came from may have changed or be gone;
            // a run on the built-in workflows takes this version's built-in ones
            if (saved.workflowsFile() != null) {
                settings = settings.withWorkflows(WorkflowConfigLoader.saved(saved.workflowsJson()), saved.workflowsFile());
            }
            workflowsSource = Source.LAST_INFER;
        } else {
            workflowsSource = Source.BUILT_IN;
        }
        // funnels: --funnels (applied by infer over this), else the settings file's, else the last
        // infer's saved copy, else the built-in ones
        if (file != null && file.funnels() != null) {
            settings = settings.withFunnels(file.funnels(), file.funnelsName());
        } else if (saved != null && saved.funnelsFile() != null && saved.funnelsJson() != null) {
            settings = settings.withFunnels(FunnelConfigLoader.saved(saved.funnelsJson()), saved.funnelsFile());
        }
        return new Resolved(settings, timeoutSource, workflowsSource, file == null ? null : file.file());
    }

    /** The newest infer run's settings, or null when infer never ran. */
    private static Saved lastInfer(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT session_timeout_ms, workflows_file, workflows_config::VARCHAR,"
                        + " funnels_file, funnels_config::VARCHAR FROM infer_runs ORDER BY infer_id DESC LIMIT 1")) {
            if (!rs.next()) {
                return null;
            }
            return new Saved(Duration.ofMillis(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5));
        } catch (SQLException e) {
            throw new CliAnalyticsException("cannot read the settings of the last infer: " + e.getMessage(), e);
        }
    }
}
