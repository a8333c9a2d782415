package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clianalytics.ingest.sanitize.PrivacyRules;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reduces a flow event's properties to enum-like values that are safe to store (SPEC §4.1):
 * booleans, moderate numbers and short identifiers such as {@code login} or {@code auth_flow}.
 * Free text, nested values, ids and anything shaped like an e-mail, path, URL, IP or token are dropped.
 */
final class FlowProperties {
    static final int MAX_PROPERTIES = 32;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?");
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Known token prefixes anywhere in the value (a token may follow a word: {@code prod-ghp_…}). */
    private static final Pattern KNOWN_TOKEN = Pattern.compile(
            "(ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|xox[abprs]-|phc_|phx_|sk-|sk_live_|sk_test_|rk_live_|pk_live_)"
                    + ".{6,}|(AKIA|ASIA)[A-Z0-9]{12,}|eyJ[A-Za-z0-9_-]{8,}");
    private static final Pattern LETTER = Pattern.compile(".*[A-Za-z].*");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    // Key words that name secrets, personal data or unique ids: such properties never become dimensions.
    private static final Set<String> DENIED_KEY_WORDS = Set.of(
            "token", "password", "passwd", "pwd", "secret", "key", "apikey", "credential", "credentials",
            "cookie", "private", "email", "mail", "phone", "ip", "id", "ids", "uuid", "guid", "name",
            "username", "user", "path", "file", "dir", "url", "uri", "host", "hostname", "address", "message");

    private FlowProperties() {}

    static Map<String, Object> safe(JsonNode props, Predicate<String> structural) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext() && out.size() < MAX_PROPERTIES; ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (structural.test(key) || !safeKey(key)) {
                continue;
            }
            Object value = safeValue(e.getValue());
            if (value != null) {
                out.put(key, value);
            }
        }
        return out;
    }

    static boolean safeKey(String key) {
        if (!KEY.matcher(key).matches()) {
            return false;
        }
        // words split on '_' and camelCase boundaries: userEmail -> user, email
        for (String word : key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase().split("_")) {
            if (DENIED_KEY_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static Object safeValue(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            // long digit runs may be account or phone numbers
            return v.canConvertToLong() && Math.abs(v.asLong()) < 1_000_000_000_000L ? v.asLong() : null;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return Double.isFinite(d) && Math.abs(d) < 1e12 ? d : null;
        }
        if (v.isTextual()) {
            String s = v.asText();
            return safeText(s) ? s : null;
        }
        return null;
    }

    static boolean safeText(String s) {
        if (!VALUE.matcher(s).matches() || IPV4.matcher(s).matches() || UUID_SHAPE.matcher(s).find()
                || HEX_RUN.matcher(s).find() || KNOWN_TOKEN.matcher(s).find()
                || PrivacyRules.looksSecret(s) || !PrivacyRules.errorType(s).equals(s)) {
            return false; // the error-text rules are the one definition of a secret's shape: what they would replace goes
        }
        // long opaque strings mixing letters and digits are tokens or ids, not enum values
        return s.length() < 20 || !(LETTER.matcher(s).matches() && DIGIT.matcher(s).matches());
    }
}
