package org.vermerk.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Text for people, or one JSON object per line with {@code --json}; errors go to stderr. */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** One result: {@code text} for people, {@code fields} (in order) as one JSON line. */
    void result(String text, Map<String, Object> fields) {
        out.println(json ? line(fields) : text);
        out.flush();
    }

    int fail(CliFailure failure) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("error", failure.code());
            fields.put("message", failure.getMessage());
            err.println(line(fields));
        } else {
            err.println("vermerk cli: " + failure.getMessage());
        }
        err.flush();
        return failure.exitCode();
    }

    private static String line(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
