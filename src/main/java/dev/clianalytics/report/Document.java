package dev.clianalytics.report;

import java.util.List;

/** A rendered-agnostic report: a title and its sections in output order. */
public record Document(String title, List<Section> sections) {}
