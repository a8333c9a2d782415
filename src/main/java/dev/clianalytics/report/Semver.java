package dev.clianalytics.report;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org §11 precedence): {@code 1.10.0} after {@code 1.9.2}, a pre-release
 * before its release ({@code 2.0.0-rc.1 < 2.0.0}), build metadata ignored. A leading {@code v} is
 * allowed and a missing patch (or minor) is 0, as tools often print {@code v1.7} or {@code 1.7}.
 */
public record Semver(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease)
        implements Comparable<Semver> {

    private static final Pattern FORM = Pattern.compile(
            "[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?");

    /** The version, or null when the text is not one (e.g. "nightly", "1.2.3.4", null). */
    public static Semver parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new Semver(new BigInteger(m.group(1)), number(m.group(2)), number(m.group(3)),
                m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public int compareTo(Semver o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        // a release ranks above its pre-releases
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = identifier(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    /** Numeric identifiers compare as numbers and below alphanumeric ones, which compare as ASCII. */
    private static int identifier(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (na || nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
