package dev.clianalytics.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script from picocli's command model (picocli writes bash's only). A helper
 * function finds the subcommand path typed so far (skipping options and the values of those that
 * take one); each command's subcommands, options and parameters are offered under that path.
 */
final class FishCompletion {
    /** Parameter labels whose values are paths: fish offers files for them. */
    private static final Set<String> PATH_LABELS = Set.of("FILE", "DIR");
    /** A period that ends a sentence (not the one of "e.g. 30m"). */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");

    private FishCompletion() {}

    static String script(CommandSpec root) {
        String name = root.name();
        String fn = "__" + name.replaceAll("[^A-Za-z0-9]", "_");
        List<CommandSpec> commands = new ArrayList<>();
        collect(root, commands);
        Set<String> paths = new TreeSet<>();
        Set<String> valued = new TreeSet<>();
        for (CommandSpec c : commands) {
            if (c != root) {
                paths.add(path(c));
            }
            for (OptionSpec o : c.options()) {
                if (o.arity().min() > 0) {
                    valued.addAll(List.of(o.names())); // an optional value (--wait [DURATION]) is not skipped
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# fish completion for ").append(name).append(", written by '").append(name)
                .append(" completion fish'.\n# Install: ").append(name)
                .append(" completion fish > ~/.config/fish/completions/").append(name).append(".fish\n\n");
        b.append("# The subcommand path typed so far, e.g. 'report summary'.\n")
                .append("function ").append(fn).append("_path\n")
                .append("    set -l tokens (commandline -opc)\n")
                .append("    set -e tokens[1]\n")
                .append("    set -l path\n")
                .append("    set -l skip 0\n")
                .append("    for token in $tokens\n")
                .append("        if test $skip = 1\n")
                .append("            set skip 0\n")
                .append("            continue\n")
                .append("        end\n")
                .append("        switch $token\n")
                .append("            case ").append(valued.isEmpty() ? "'--'" : words(valued)).append('\n')
                .append("                set skip 1\n")
                .append("            case '-*'\n")
                .append("            case '*'\n")
                .append("                if contains -- (string join ' ' $path $token) ").append(words(paths)).append('\n')
                .append("                    set path $path $token\n")
                .append("                end\n")
                .append("        end\n")
                .append("    end\n")
                .append("    string join ' ' $path\n")
                .append("end\n\n");
        b.append("# Whether the command line is at exactly this subcommand path.\n")
                .append("function ").append(fn).append("_at\n")
                .append("    set -l path (").append(fn).append("_path)\n")
                .append("    test \"$path\" = \"$argv[1]\"\n")
                .append("end\n\n");
        b.append("complete -c ").append(name).append(" -f\n");
        for (CommandSpec c : commands) {
            String at = "-n " + quote(fn + "_at " + quote(path(c)));
            b.append('\n');
            for (CommandSpec sub : subcommands(c)) {
                b.append("complete -c ").append(name).append(' ').append(at).append(" -a ").append(quote(sub.name()))
                        .append(" -d ").append(quote(summary(sub))).append('\n');
            }
            for (OptionSpec o : c.options()) {
                if (!o.hidden()) {
                    b.append("complete -c ").append(name).append(' ').append(at).append(option(o)).append('\n');
                }
            }
            for (PositionalParamSpec p : c.positionalParameters()) {
                if (!p.hidden()) {
                    b.append("complete -c ").append(name).append(' ').append(at).append(values(p)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void collect(CommandSpec c, List<CommandSpec> into) {
        into.add(c);
        subcommands(c).forEach(sub -> collect(sub, into));
    }

    /** The subcommands once each (picocli lists an alias as another entry). */
    private static List<CommandSpec> subcommands(CommandSpec c) {
        List<CommandSpec> subs = new ArrayList<>();
        c.subcommands().values().forEach(sub -> {
            if (!subs.contains(sub.getCommandSpec()) && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub.getCommandSpec());
            }
        });
        return subs;
    }

    /** The words after the root's name: "" for the root, "report summary" for that report. */
    private static String path(CommandSpec c) {
        return c.parent() == null ? "" : (path(c.parent()) + " " + c.name()).strip();
    }

    private static String option(OptionSpec o) {
        StringBuilder b = new StringBuilder();
        for (String n : o.names()) {
            b.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
        }
        if (o.arity().max() > 0) {
            b.append(values(o));
        }
        return b.append(" -d ").append(quote(firstLine(description(o)))).toString();
    }

    /** What fish offers as the value: the candidates, files for a path, else nothing (no files). */
    private static String values(ArgSpec a) {
        List<String> candidates = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(candidates::add);
        }
        String required = a.isOption() && a.arity().min() > 0 ? " -r" : "";
        if (!candidates.isEmpty()) {
            return required + " -f -a " + quote(String.join(" ", candidates));
        }
        return PATH_LABELS.contains(a.paramLabel().replace("...", "")) ? required + " -F" : required + " -f";
    }

    private static String description(ArgSpec a) {
        String[] lines = a.description();
        if (lines.length == 0) {
            return "";
        }
        String text = String.join(" ", lines);
        String defaultValue = a.defaultValue() == null ? "" : a.defaultValue();
        return text.replace("${DEFAULT-VALUE}", defaultValue);
    }

    /** A command's one-line summary, as its parent's help lists it: the header, else the description. */
    private static String summary(CommandSpec c) {
        String[] lines = c.usageMessage().header().length > 0 ? c.usageMessage().header() : c.usageMessage().description();
        return lines.length == 0 ? "" : firstLine(lines[0].replace("%n", " ").strip());
    }

    /** The first sentence, without its period: fish shows one short line per candidate. */
    private static String firstLine(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        String first = end.find() ? text.substring(0, end.start()) : text;
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    private static String words(Set<String> words) {
        List<String> quoted = new ArrayList<>();
        words.forEach(w -> quoted.add(quote(w)));
        return String.join(" ", quoted);
    }

    /** A fish single-quoted string: only \ and ' are special inside. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
