package dev.clianalytics.cli;

import dev.clianalytics.export.Exporter;
import java.util.ArrayList;
import java.util.List;

/**
 * The values completion scripts offer for an option, written as help writes them: for an enum,
 * picocli would offer its constants' upper-case names.
 */
final class Candidates {
    private Candidates() {}

    static final class ReportFormats extends ArrayList<String> {
        ReportFormats() {
            super(List.of("table", "json", "csv", "markdown"));
        }
    }

    static final class InputFormats extends ArrayList<String> {
        InputFormats() {
            super(List.of("auto", "native", "posthog", "segment"));
        }
    }

    static final class GenerateFormats extends ArrayList<String> {
        GenerateFormats() {
            super(List.of("native", "posthog", "segment"));
        }
    }

    static final class ResultFormats extends ArrayList<String> {
        ResultFormats() {
            super(List.of("text", "json"));
        }
    }

    static final class ExportFormats extends ArrayList<String> {
        ExportFormats() {
            super(List.of("csv", "jsonl", "parquet", "xes"));
        }
    }

    /** What 'help' takes: the commands. */
    static final class Commands extends ArrayList<String> {
        Commands() {
            super(CommandLineFactory.commandNames());
        }
    }

    static final class Tables extends ArrayList<String> {
        Tables() {
            super(Exporter.TABLES.keySet());
        }
    }
}
