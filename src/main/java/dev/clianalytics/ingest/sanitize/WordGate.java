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
    public static final WordGate OFF = new WordGate(null, 1, Set.of(), Map.of(), null);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    private final int k;
    private final Set<String> known;
    /** Actors of each token held back in the database before this run (held_words). */
    private final Map<String, Set<String>> stored;
    /**
     * Each rare word of this run: its token and its actors. One map entry per distinct rare word, the
     * case that grows with the data (an argument in every event): no second map, and a word's token
     * is computed once.
     */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;
    /**
     * The tokens to put back in clear, when the actors were counted elsewhere (the Spark job's first
     * pass); null for ingest's gate, which counts them itself.
     */
    private final Set<String> revealedTokens;

    /**
     * @param hmacKey the salt's key; the tokens' key is derived from it
     * @param k distinct actors that reveal a word; 1 switches the rule off
     * @param known words and flag names always stored in clear
     * @param stored token to actor hashes of the words held back by earlier runs
     */
    public WordGate(byte[] hmacKey, int k, Set<String> known, Map<String, Set<String>> stored) {
        this(hmacKey, k, known, stored, null);
    }

    /**
     * The rule when the actors of each token were counted by someone else (the Spark job counts them
     * over all its input in a first pass that sees tokens only): a rare word is stored in clear when
     * its token is in {@code revealedTokens}, else as its token. Keeps no state; {@link #outcome()} is
     * then empty. An empty set gives every rare word its token (the first pass).
     */
    public static WordGate revealing(byte[] hmacKey, int k, Set<String> known, Set<String> revealedTokens) {
        return new WordGate(hmacKey, k, known, Map.of(), Set.copyOf(revealedTokens));
    }

    private WordGate(byte[] hmacKey, int k, Set<String> known, Map<String, Set<String>> stored, Set<String> revealedTokens) {
        this.revealedTokens = revealedTokens;
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

    /** k when none is given: a word is stored in clear once two actors used it. */
    public static final int DEFAULT_K = 2;

    /**
     * k as {@code name} (an option or an environment variable) gives it: a whole number, 1 or more;
     * null or blank is {@link #DEFAULT_K}. IllegalArgumentException naming {@code name} otherwise.
     */
    public static int revealAt(String name, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_K;
        }
        try {
            int k = Integer.parseInt(value.strip());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number, 1 or more, not '" + value + "'");
    }

    public boolean off() {
        return k <= 1;
    }

    /** The command path as stored: words from the second on pass the rule. */
    public List<String> path(List<String> path, String actor) {
        return off() || path.size() < 2 ? path : gated(path, 1, actor);
    }

    /** The flag names as stored: each passes the rule. */
    public List<String> flags(List<String> names, String actor) {
        return off() || names.isEmpty() ? names : gated(names, 0, actor);
    }

    /** {@code words} with each from {@code first} on passed through the rule (the same list when none changed). */
    private List<String> gated(List<String> words, int first, String actor) {
        List<String> out = null;
        for (int i = first; i < words.size(); i++) {
            String w = words.get(i);
            String g = gate(w, actor);
            if (g != w) {
                if (out == null) {
                    out = new ArrayList<>(words);
                }
                out.set(i, g);
            }
        }
        return out == null ? words : out;
    }

    /** The word itself when it passes, else its token (the actor counted for it). */
    private String gate(String w, String actor) {
        if (known.contains(w) || "[redacted]".equals(w)) {
            return w;
        }
        if (revealedTokens != null) {
            String t = token(w);
            return revealedTokens.contains(t) ? w : t;
        }
        // the common case, without a lock: a word seen before whose actors are complete (k of them)
        // or no actor to count; the staging threads meet on the same words, so compute's lock on
        // every word of every event made them wait for each other
        Seen hit = seen.get(w);
        if (hit != null && (actor == null || hit.full)) {
            return hit.token;
        }
        Seen entry = seen.compute(w, (x, s) -> {
            Seen out = s == null ? new Seen(token(w)) : s;
            if (actor != null) {
                out.actors = withActor(out.actors, actor); // inside compute: one thread at a time per word
                out.full = actorSet(out.actors).size() >= k;
            }
            return out;
        });
        return entry.token;
    }

    /**
     * A word's token and its actors in this run, at most k: null, an actor's hash (a String) while
     * there is one, then a Set (a word of one actor costs one reference, not a set).
     */
    private static final class Seen {
        final String token;
        Object actors;
        /** k actors counted: no later actor changes anything. */
        volatile boolean full;

        Seen(String token) {
            this.token = token;
        }
    }

    /** The token of a word (HMAC-SHA256 under the derived key, 12 hex digits after '~'). */
    public String token(String w) {
        byte[] d = macs.get().doFinal(w.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[13];
        out[0] = '~';
        for (int i = 0; i < 6; i++) {
            out[1 + 2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 + 2 * i] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }

    /** What the run decides: the tokens revealed (token to word), and how many tokens stay held back. */
    public record Outcome(Map<String, String> revealed, long held) {}

    /**
     * Tokens whose actors, of this run and held before, reach k are revealed; the others stay held
     * (their pairs are then read from the run's stored events, so no second map of them is built).
     */
    public Outcome outcome() {
        Map<String, String> revealed = new java.util.TreeMap<>();
        long[] held = {0};
        seen.forEach((w, s) -> {
            String t = s.token;
            Set<String> mine = actorSet(s.actors);
            Set<String> before = stored.get(t);
            int all = mine.size();
            if (before != null) {
                Set<String> union = new java.util.HashSet<>(before);
                union.addAll(mine);
                all = union.size();
            }
            if (all >= k) {
                revealed.put(t, w);
            } else {
                held[0]++;
            }
        });
        return new Outcome(revealed, held[0]);
    }

    /** The actors of a token with {@code actor} added, while fewer than k (an actor is a String, more a Set). */
    private Object withActor(Object a, String actor) {
        if (a == null) {
            return actor;
        }
        if (a instanceof String one) {
            return one.equals(actor) ? one : new java.util.HashSet<>(List.of(one, actor));
        }
        @SuppressWarnings("unchecked")
        Set<String> many = (Set<String>) a;
        if (many.size() < k) {
            many.add(actor);
        }
        return many;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> actorSet(Object a) {
        return a == null ? Set.of() : a instanceof String one ? Set.of(one) : (Set<String>) a;
    }
}
