package dev.clianalytics.ingest.sanitize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an id (SPEC §4.1): the first 16 hex characters of HMAC-SHA256(salt, UTF-8 of
 * the id). Ids repeat a lot (171k distinct actor, machine and hint values in 1M generated events),
 * so each distinct value is hashed once per cache generation; the cache is bounded and simply
 * starts again when full. Not thread-safe: one per thread.
 */
public final class IdHasher {
    private static final int CACHE_LIMIT = 1 << 18;
    private final int limit;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Mac mac;
    private final Map<String, String> cache = new HashMap<>();

    public IdHasher(byte[] key) {
        this(key, CACHE_LIMIT);
    }

    /** With a cache of at most {@code limit} values. */
    public IdHasher(byte[] key, int limit) {
        this.limit = limit;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The hash of {@code id}, null for null. */
    public String hash(String id) {
        if (id == null) {
            return null;
        }
        String h = cache.get(id);
        if (h == null) {
            byte[] d = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[16];
            for (int i = 0; i < 8; i++) {
                out[2 * i] = HEX[(d[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[d[i] & 0xf];
            }
            h = new String(out);
            if (cache.size() >= limit) {
                cache.clear();
            }
            cache.put(id, h);
        }
        return h;
    }
}
