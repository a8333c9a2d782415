package dev.clianalytics.generate;

import java.util.Locale;

/**
 * Where a generated failure came from, as a CLI's {@code Command Failed} says it: error_source
 * (cli, api, network, user) and, for API and network failures, the HTTP status the request got.
 * Decided once per error template from its text, so it costs nothing per event, draws no random
 * number (the rest of the generated data stays as it was) and is the same in every format.
 */
record FailureSource(byte[] source, int httpStatus) {
    /** No HTTP status. */
    static final int NONE = 0;

    static FailureSource of(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("interrupted by user")) {
            return user();
        }
        if (t.contains("401") || t.contains("unauthorized") || t.contains("token expired") || t.contains("invalid_grant")) {
            return api(401);
        }
        if (t.contains("403") || t.contains("forbidden") || t.contains("accessdenied") || t.contains("not authorized")
                || t.contains("requested access to the resource is denied") || t.contains("no valid credential")) {
            return api(403);
        }
        if (t.contains("state lock") || t.contains("resourceinuse") || t.contains("cannot publish over")) {
            return api(409);
        }
        if (t.contains("provider produced") || t.contains("error response from daemon")) {
            return api(t.contains("inconsistent") ? 502 : 500);
        }
        if (t.contains("invalidparametervalue")) {
            return api(400);
        }
        if (t.contains("timed out") || t.contains("timeout") || t.contains("progress deadline")) {
            return network(503);
        }
        if (t.contains("refused") || t.contains("network request") || t.contains("dial tcp")) {
            return network(502);
        }
        if (t.contains("not logged in") || t.contains("logged in to the server") || t.contains("permission denied")
                || t.contains("unsupported argument") || t.contains("undeclared") || t.contains("invalid reference")
                || t.contains("reconfigure") || t.contains("must not be bundled") || t.contains("no such file")
                || t.contains("test failed") || t.startsWith("fail ")) {
            return user();
        }
        return new FailureSource(ByteOut.ascii("cli"), NONE);
    }

    private static FailureSource api(int status) {
        return new FailureSource(ByteOut.ascii("api"), status);
    }

    private static FailureSource network(int status) {
        return new FailureSource(ByteOut.ascii("network"), status);
    }

    private static FailureSource user() {
        return new FailureSource(ByteOut.ascii("user"), NONE);
    }
}
