package dev.clianalytics.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with holes ({@code {EMAIL}}, {@code {GHP}}, ...) filled with fake but realistic secrets
 * and personal data, so that error texts and flag values exercise the sanitizer (SPEC §4.1).
 * Literal parts are JSON-escaped once, at construction; the fillers write only safe characters.
 */
final class Template {
    private static final byte[] ALNUM = ByteOut.ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789Qx");
    private static final byte[] UPPER_DIGITS = ByteOut.ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    private static final byte[] B64URL = ByteOut.ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    private static final String[] PROJECTS = {"infra", "payments", "web", "api", "platform", "billing", "search"};
    private static final String[] HOSTS = {"registry.corp.example", "git.example.com", "npm.internal.example", "vault.example.net"};

    enum Hole { USER, EMAIL, HOME, WINHOME, PROJ, HOST, AKIA, GHP, SK, JWT, NPMTOKEN, PW, IP, HEX64, NUM }

    private final Object[] parts; // byte[] literal or Hole
    /** Where a failure with this text came from (error_source, http_status). */
    final FailureSource source;

    private Template(Object[] parts, FailureSource source) {
        this.parts = parts;
        this.source = source;
    }

    static Template of(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > 0 && isHole(text.substring(i + 1, close))) {
                if (literal.length() > 0) {
                    parts.add(ByteOut.ascii(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(Hole.valueOf(text.substring(i + 1, close)));
                i = close + 1;
                continue;
            }
            if (c == '"' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
            i++;
        }
        if (literal.length() > 0) {
            parts.add(ByteOut.ascii(literal.toString()));
        }
        return new Template(parts.toArray(), FailureSource.of(text));
    }

    private static boolean isHole(String name) {
        for (Hole h : Hole.values()) {
            if (h.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the text, JSON-escaped, without quotes. */
    void render(ByteOut out, Rand r, byte[] user) {
        for (Object part : parts) {
            if (part instanceof byte[] literal) {
                out.put(literal);
            } else {
                fill(out, (Hole) part, r, user);
            }
        }
    }

    private static void fill(ByteOut out, Hole hole, Rand r, byte[] user) {
        switch (hole) {
            case USER -> out.put(user);
            case EMAIL -> out.put(user).putAscii(r.nextInt(3) == 0 ? "@gmail.com" : "@corp.example.com");
            case HOME -> out.putAscii(r.nextInt(4) == 0 ? "/Users/" : "/home/").put(user).put('/').putAscii(PROJECTS[r.nextInt(PROJECTS.length)]);
            case WINHOME -> out.putAscii("C:\\\\Users\\\\").put(user).putAscii("\\\\src\\\\").putAscii(PROJECTS[r.nextInt(PROJECTS.length)]);
            case PROJ -> out.putAscii(PROJECTS[r.nextInt(PROJECTS.length)]);
            case HOST -> out.putAscii(HOSTS[r.nextInt(HOSTS.length)]);
            case AKIA -> random(out.putAscii("AKIA"), r, UPPER_DIGITS, 16);
            case GHP -> random(out.putAscii("ghp_"), r, ALNUM, 36);
            case SK -> random(out.putAscii(r.nextBoolean() ? "sk-proj-" : "sk-"), r, ALNUM, 48);
            case JWT -> {
                out.putAscii("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ");
                random(out, r, B64URL, 40);
                random(out.put('.'), r, B64URL, 43);
            }
            case NPMTOKEN -> random(out.putAscii("npm_"), r, ALNUM, 36);
            case PW -> random(out, r, ALNUM, 8 + r.nextInt(6));
            case IP -> {
                if (r.nextBoolean()) {
                    out.putAscii("10.").num(r.nextInt(256)).put('.');
                } else {
                    out.putAscii("192.168.");
                }
                out.num(r.nextInt(256)).put('.').num(1 + r.nextInt(254));
            }
            case HEX64 -> out.hex(r.nextLong(), 16).hex(r.nextLong(), 16).hex(r.nextLong(), 16).hex(r.nextLong(), 16);
            case NUM -> out.num(1 + r.nextInt(400));
            default -> throw new IllegalStateException(hole.name());
        }
    }

    /**
     * {@code count} characters of a 32- or 64-entry alphabet, ten (or twelve) from each random long.
     * ALNUM repeats two letters to fill 64 entries: a barely visible bias, fine for fake tokens.
     */
    private static void random(ByteOut out, Rand r, byte[] alphabet, int count) {
        int bits = alphabet.length == 32 ? 5 : 6;
        int mask = alphabet.length - 1;
        int perLong = 64 / bits;
        out.ensure(count);
        byte[] buf = out.buf;
        int at = out.len;
        long word = 0;
        for (int i = 0; i < count; i++) {
            if (i % perLong == 0) {
                word = r.nextLong();
            }
            buf[at++] = alphabet[(int) (word & mask)];
            word >>>= bits;
        }
        out.len = at;
    }
}
