package dev.clianalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.report.Golden;
import dev.clianalytics.support.CliRun;
import dev.clianalytics.support.CliRun.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help, exactly (src/test/resources/expected/help/, reviewed at 80 columns), and the
 * conventions they keep: one-line summaries, nothing wider than 80 columns, --version at the top only.
 */
class HelpTest {
    /** Every command, as the words after cli-analytics ("" is cli-analytics itself). */
    static final List<String> COMMANDS = List.of("", "generate", "ingest", "infer", "report", "report summary",
            "report workflow", "report hot-paths", "report versions", "report errors", "report trends", "report variants",
            "report graph", "report funnel", "report html", "report privacy", "export", "status", "check", "demo", "completion", "help");

    @ParameterizedTest(name = "cli-analytics {0} --help")
    @ValueSource(strings = {"", "generate", "ingest", "infer", "report", "report summary", "report workflow",
        "report hot-paths", "report versions", "report errors", "report trends", "report variants", "report graph",
        "report funnel", "report html", "report privacy", "export", "status", "check", "demo", "completion", "help"})
    void helpIsExactlyTheReviewedText(String command) throws Exception {
        Result r = help(command);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        Golden.assertMatches("help/" + (command.isEmpty() ? "cli-analytics" : command.replace(' ', '-')) + ".txt", r.out());
    }

    @Test
    void noHelpLineIsWiderThan80Columns() {
        for (String command : COMMANDS) {
            for (String line : help(command).out().split("\n")) {
                assertThat(line.length()).as("cli-analytics " + command + " --help: " + line).isLessThanOrEqualTo(80);
            }
        }
    }

    /**
     * picocli wraps each description and footer line on its own: a line of the model wider than 80
     * columns leaves a ragged break (a word alone on a line) in the help.
     */
    @Test
    void everyDescriptionAndExampleLineFitsIn80Columns() {
        for (CommandLine c : allCommands()) {
            CommandSpec spec = c.getCommandSpec();
            List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
            lines.addAll(List.of(spec.usageMessage().footer()));
            for (String line : lines) {
                assertThat(line.replace("%n", "").length()).as(spec.qualifiedName() + ": " + line).isLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void theCommandListShowsEachSummaryWholeOnOneLine() {
        String out = help("").out();
        String list = out.substring(out.indexOf("Commands:\n") + "Commands:\n".length(), out.indexOf("\nExamples:"));
        for (String line : list.split("\n")) {
            assertThat(line).as("not a continuation line").startsWith("  ").doesNotStartWith("   ");
            assertThat(line.strip()).endsWith(".");
        }
    }

    @Test
    void helpCommandPrintsWhatDashDashHelpPrints() {
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of("help"));
            if (!command.isEmpty()) {
                args.addAll(List.of(command.split(" ")));
            }
            Result viaHelp = CliRun.withDb(null).run(args.toArray(String[]::new));
            assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
            assertThat(viaHelp.out()).as(viaHelp.toString()).isEqualTo(help(command).out());
        }
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageErrorListingTheCommands() {
        Result r = CliRun.withDb(null).run("help", "report", "sumary");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: unknown command 'report sumary'; subcommands of 'report': summary, workflow,"
                + " hot-paths, versions, errors, trends, variants, graph, funnel, html, privacy\n");
    }

    @Test
    void versionIsAnOptionOfTheTopLevelOnly() {
        assertThat(help("").out()).contains("-V, --version");
        for (String command : COMMANDS.subList(1, COMMANDS.size())) {
            assertThat(help(command).out()).as(command).doesNotContain("--version").contains("-h, --help");
        }
        Result r = CliRun.withDb(null).run("status", "--version");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: Unknown option: '--version'");
    }

    @Test
    void dbIsListedOnlyForCommandsThatOpenTheDatabase() {
        for (String command : List.of("generate", "demo", "completion", "help")) {
            assertThat(help(command).out()).as(command).doesNotContain("--db=FILE");
        }
        for (String command : List.of("ingest", "infer", "report summary", "export", "status")) {
            assertThat(help(command).out()).as(command).contains("--db=FILE");
        }
        Result r = CliRun.withDb(null).run("generate", "--db", "x.duckdb", "--events", "1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown options: '--db', 'x.duckdb'");
    }

    private static Result help(String command) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) {
            args.addAll(List.of(command.split(" ")));
        }
        args.add("--help");
        return CliRun.withDb(null).run(args.toArray(String[]::new));
    }

    private static List<CommandLine> allCommands() {
        CommandLine root = CommandLineFactory.create(Map.of(), Terminal.NONE, System.in, System.out, System.err, "help");
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
