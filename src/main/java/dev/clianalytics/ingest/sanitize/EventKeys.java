package dev.clianalytics.ingest.sanitize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The de-duplication key of an event (SPEC §4.2): MD5 over the secret derived from the salt, then
 * either the producer's event_id or the event's canonical content, as a UUID. Not thread-safe.
 */
public final class EventKeys {
    private static final char SEP = (char) 31;
    private final MessageDigest md5;
    private final byte[] idPrefix;
    private final byte[] contentPrefix;

    /** {@code secretHex}: the 64 hex characters of Salt.eventKeySecretHex(). */
    public EventKeys(String secretHex) {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
        idPrefix = (secretHex + SEP + "event_id" + SEP).getBytes(StandardCharsets.UTF_8);
        contentPrefix = (secretHex + SEP + "content" + SEP).getBytes(StandardCharsets.UTF_8);
    }

    public UUID forEventId(String eventId) {
        return key(idPrefix, eventId);
    }

    public UUID forContent(String content) {
        return key(contentPrefix, content);
    }

    private UUID key(byte[] prefix, String value) {
        md5.update(prefix);
        byte[] d = md5.digest(value.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xff);
            lo = (lo << 8) | (d[8 + i] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
