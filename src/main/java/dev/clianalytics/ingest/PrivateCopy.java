package dev.clianalytics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * Ingest's private temporary copies of raw input (the stdin spool, the CRLF-normalized copy), kept
 * encrypted under a key that lives in this process's memory only (AES-256-CTR, a random IV per file
 * at its head). A process killed mid-ingest leaves such a file behind, but never a readable raw word:
 * its key died with the process (docs/ingest.md, "Private copies of the input").
 */
final class PrivateCopy {
    private static final int IV_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecretKey KEY = newKey();

    private PrivateCopy() {}

    /** A new empty private file (mode 600, deleted on exit) in the temporary directory. */
    static Path create(String prefix) throws IOException {
        Path tmp = Files.createTempFile(prefix, ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        tmp.toFile().deleteOnExit(); // also on Ctrl-C, when close() is never reached
        return tmp;
    }

    /** Writes {@code path} encrypted: only ciphertext ever reaches the disk. */
    static OutputStream write(Path path) throws IOException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        file.write(iv);
        Cipher c = cipher(Cipher.ENCRYPT_MODE, iv);
        return new java.io.FilterOutputStream(file) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(c.update(b, off, len)); // CTR: as many bytes out as in, at once
            }
        };
    }

    /** Reads back what {@link #write} wrote. */
    static InputStream read(Path path) throws IOException {
        InputStream file = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
        byte[] iv = file.readNBytes(IV_BYTES);
        if (iv.length != IV_BYTES) {
            file.close();
            throw new IOException("private copy " + path.getFileName() + " is truncated");
        }
        Cipher c = cipher(Cipher.DECRYPT_MODE, iv);
        return new java.io.FilterInputStream(file) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    try {
                        c.update(b, off, n, b, off); // CTR decrypts in place, byte for byte
                    } catch (javax.crypto.ShortBufferException e) {
                        throw new IOException(e);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] sink = new byte[(int) Math.min(n, 1 << 16)];
                int got = read(sink, 0, sink.length); // through the cipher, which keeps its place
                return Math.max(0, got);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    private static Cipher cipher(int mode, byte[] iv) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(mode, KEY, new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the private copy's cipher: " + e.getMessage(), e);
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256, RANDOM);
            return g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }
}
