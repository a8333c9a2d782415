package dev.clianalytics.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clianalytics.CliAnalyticsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the YAML settings files: the workflows file, shared by its two readers (infer's workflow
 * keys, the ingest formats' posthog/segment sections), and cli-analytics.yaml beside the database.
 * Every message names the kind of file, the file and the line, never the input.
 */
public final class YamlFiles {
    /** The kinds of file, as messages name them. */
    public static final String WORKFLOWS = "workflows file";
    public static final String SETTINGS = "settings file";

    private YamlFiles() {}

    /** Reads the settings from a parser positioned before the first token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** The bytes of {@code file}; a missing or unreadable file is an error naming it. */
    public static byte[] bytes(Path file) {
        return bytes(WORKFLOWS, file);
    }

    /** The bytes of {@code file}, a {@code kind} of file; a missing or unreadable file is an error naming it. */
    public static byte[] bytes(String kind, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliAnalyticsException(kind + " " + file + " does not exist");
        } catch (IOException e) {
            throw cannotRead(kind, file.toString(), e);
        }
    }

    /** Runs {@code reader} on {@code yaml}; malformed YAML is an error naming the file and line. */
    public static <T> T parse(String file, byte[] yaml, Reader<T> reader) {
        return parse(WORKFLOWS, file, yaml, reader);
    }

    /** The same for a {@code kind} of file. */
    public static <T> T parse(String kind, String file, byte[] yaml, Reader<T> reader) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            return reader.read(parser);
        } catch (JsonProcessingException e) {
            throw malformed(kind, file, e);
        } catch (IOException e) {
            throw cannotRead(kind, file, e);
        }
    }

    /** An error at {@code at} in the workflows file. */
    public static CliAnalyticsException error(String file, JsonLocation at, String message) {
        return error(WORKFLOWS, file, at, message);
    }

    /** An error at {@code at} in a {@code kind} of file. */
    public static CliAnalyticsException error(String kind, String file, JsonLocation at, String message) {
        return new CliAnalyticsException(kind + " " + file + ", line " + at.getLineNr() + ": " + message);
    }

    private static CliAnalyticsException cannotRead(String kind, String file, IOException e) {
        return new CliAnalyticsException("cannot read " + kind + " " + file + ": " + e.getClass().getSimpleName());
    }

    /** A YAML syntax error: the parser's own problem text, never the offending input. */
    private static CliAnalyticsException malformed(String kind, String file, JsonProcessingException e) {
        String problem = "not valid YAML";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                problem = "not valid YAML (" + m.getProblem() + ")";
                break;
            }
        }
        JsonLocation at = e.getLocation();
        String line = at == null || at.getLineNr() < 1 ? "" : ", line " + at.getLineNr();
        return new CliAnalyticsException(kind + " " + file + line + ": " + problem);
    }
}
