package dev.clianalytics.ingest.sanitize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rare-word rule (docs/ingest.md, "Rare words held back"): a command-path word after the tool
 * name, or a flag name, is stored in clear only when it is known (a --commands word, or revealed
 * before) or seen from {@code k} distinct actors; otherwise as its token, {@code ~} and 12 hex
 * digits of an HMAC keyed by a key derived from the salt (never equal to an id's hash, and never a
 * word: a command word starts with a letter, a flag with '-'). The word of a token lives only in
 * this object's memory, for the run's reveal. Thread-safe: the staging threads share one.
 */
public final class WordGate {
    /** The rule switched off (k = 1): every word passes. */
    public static final WordGate OFF = new WordGate(null, 1, Set.of(), Map.of());
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    private final int k;
    private final Set<String> known;
    /** Actors of each token held back in the database before this run (held_words). */
    private final Map<String, Set<String>> stored;
    private final Map<String, String> words = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> actors = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;

    /**
     * @param hmacKey the salt's key; the tokens' key is derived from it
     * @param k distinct actors that reveal a word; 1 switches the rule off
     * @param known words and flag names always stored in clear
     * @param stored token to actor hashes of the words held back by earlier runs
     */
    public WordGate(byte[] hmacKey, int k, Set<String> known, Map<String, Set<String>> stored) {
        this.k = k;
        this.known = known;
        this.stored = stored;
        this.key = hmacKey == null ? null : mac(hmacKey).doFinal("cli-analytics rare-word tokens".getBytes(StandardCharsets.UTF_8));
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public boolean off() {
        return k <= 1;
    }

    /** The command path as stored: words from the second on pass the rule. */
    public List<String> path(List<String> path, String actor) {
        if (off() || path.size() < 2) {
            return path;
        }
        List<String> out = null;
        for (int i = 1; i < path.size(); i++) {
            String w = path.get(i);
            String g = gate(w, actor);
            if (g != w) {
                if (out == null) {
                    out = new ArrayList<>(path);
                }
                out.set(i, g);
            }
        }
        return out == null ? path : out;
    }

    /** The flag names as stored: each passes the rule. */
    public List<String> flags(List<String> names, String actor) {
        return off() || names.isEmpty() ? names : path0(names, actor);
    }

    private List<String> path0(List<String> names, String actor) {
        List<String> out = null;
        for (int i = 0; i < names.size(); i++) {
            String w = names.get(i);
            String g = gate(w, actor);
            if (g != w) {
                if (out == null) {
                    out = new ArrayList<>(names);
                }
                out.set(i, g);
            }
        }
        return out == null ? names : out;
    }

    /** The word itself when it passes, else its token (the actor counted for it). */
    private String gate(String w, String actor) {
        if (known.contains(w) || "[redacted]".equals(w)) {
            return w;
        }
        String t = token(w);
        Set<String> a = actors.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet());
        if (a.size() < k && actor != null) {
            a.add(actor);
        }
        return t;
    }

    /** The token of a word (HMAC-SHA256 under the derived key, 12 hex digits after '~'). */
    public String token(String w) {
        String t = tokens.get(w);
        if (t != null) {
            return t;
        }
        byte[] d = macs.get().doFinal(w.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[13];
        out[0] = '~';
        for (int i = 0; i < 6; i++) {
            out[1 + 2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 + 2 * i] = HEX[d[i] & 0xf];
        }
        t = new String(out);
        tokens.put(w, t);
        words.put(t, w);
        return t;
    }

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** What the run decides: the tokens revealed (token to word) and the pairs still held back. */
    public record Outcome(Map<String, String> revealed, Map<String, Set<String>> held) {}

    /** Tokens whose actors, of this run and held before, reach k are revealed; the others stay held. */
    public Outcome outcome() {
        Map<String, String> revealed = new java.util.TreeMap<>();
        Map<String, Set<String>> held = new java.util.TreeMap<>();
        actors.forEach((t, a) -> {
            Set<String> all = new java.util.TreeSet<>(a);
            all.addAll(stored.getOrDefault(t, Set.of()));
            if (all.size() >= k) {
                revealed.put(t, words.get(t));
            } else {
                held.put(t, a);
            }
        });
        return new Outcome(revealed, held);
    }
}
