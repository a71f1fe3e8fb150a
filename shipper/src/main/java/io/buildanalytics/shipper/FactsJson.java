package io.buildanalytics.shipper;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.buildanalytics.model.facts.BuildFacts;
import java.io.IOException;

/**
 * {@link BuildFacts} as JSON: what the spool stores and what {@code ship --file} reads. Facts, not finished
 * events, are spooled because turning facts into an event reads the host's history, which the build-finished
 * callback must not wait for.
 *
 * <p>Only record components are written (the derived accessors such as {@code outcome()} are recomputed), and
 * reading goes through the canonical constructors, so a stored record is validated again when it is read back.
 */
public final class FactsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private FactsJson() {
    }

    public static byte[] write(BuildFacts facts) {
        try {
            return MAPPER.writeValueAsBytes(facts);
        } catch (IOException e) {
            throw new IllegalStateException("Build facts could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not JSON facts, with the parser's or validator's reason */
    public static BuildFacts read(byte[] json) {
        try {
            return MAPPER.readValue(json, BuildFacts.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid build facts: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
