package dev.clianalytics.ingest.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON parser settings of the readers: a line is one JSON value, nothing may follow it. */
final class Json {
    private Json() {}

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
