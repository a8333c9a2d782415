package dev.clianalytics.ingest.sanitize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether a line's bytes are UTF-8 text ({@code invalid_utf8} otherwise): ingest's and the Spark job's one check. */
public final class Utf8 {
    private Utf8() {}

    /** ASCII costs one scan; only a line with other bytes is decoded to check it. */
    public static boolean valid(byte[] b, int off, int len) {
        if (Bytes.ascii(b, off, off + len)) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
