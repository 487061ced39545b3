package org.vermerk.app.mlspeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line protocol: one answer line per request line, in order, errors as {@code ok:false}, diagnostics apart. */
class MlsPeerServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    private List<JsonNode> serve(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new MlsPeer(new PrintStream(diagnostics, true, StandardCharsets.UTF_8))
                .serve(
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.isEmpty() || text.endsWith("\n"))
                .as("every answer ends with a newline")
                .isTrue();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                answers.add(JSON.readTree(line));
            }
        }
        return answers;
    }

    @Test
    void eachRequestLineGetsOneAnswerLineInOrder() throws Exception {
        List<JsonNode> answers = serve("""
                {"id": 1, "cmd": "ping"}
                {"id": "two", "cmd": "info"}
                {"id": [3], "cmd": "ping"}
                """);
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(answers.get(1).get("id").asText()).isEqualTo("two");
        assertThat(answers.get(1).at("/lib/name").asText()).isEqualTo("vermerk");
        assertThat(answers.get(1).at("/lib/version").asText()).isNotBlank();
        assertThat(answers.get(2).get("id").get(0).asInt()).isEqualTo(3);
        assertThat(answers).allSatisfy(a -> assertThat(a.get("ok").asBoolean()).isTrue());
    }

    @Test
    void malformedJsonIsAnsweredAsAFailureAndServingGoesOn() throws Exception {
        List<JsonNode> answers = serve("""
                {"id": 1, "cmd": "ping"
                [1, 2]
                {"id": 3, "cmd": "ping"} trailing
                {"id": 4, "cmd": "ping"}
                """);
        assertThat(answers).hasSize(4);
        for (JsonNode failed : answers.subList(0, 3)) {
            assertThat(failed.get("ok").asBoolean()).isFalse();
            assertThat(failed.get("id").isNull()).isTrue();
            assertThat(failed.get("error").asText()).isNotBlank();
        }
        assertThat(answers.get(3).get("ok").asBoolean()).isTrue();
        assertThat(answers.get(3).get("id").asInt()).isEqualTo(4);
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("malformed JSON");
    }

    @Test
    void aFailedCommandIsAnsweredWithItsIdAndTheReasonOnStderrToo() throws Exception {
        List<JsonNode> answers = serve("""
                {"id": 7, "cmd": "frobnicate"}
                {"id": 8}
                {"id": 9, "cmd": "encrypt", "state": "nobody", "text": "hi"}
                """);
        assertThat(answers).extracting(a -> a.get("id").asInt()).containsExactly(7, 8, 9);
        assertThat(answers).allSatisfy(a -> assertThat(a.get("ok").asBoolean()).isFalse());
        assertThat(answers.get(0).get("error").asText()).contains("unknown command frobnicate");
        assertThat(answers.get(1).get("error").asText()).contains("cmd");
        assertThat(answers.get(2).get("error").asText()).contains("no client named nobody");
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("frobnicate");
    }

    @Test
    void quitIsAnsweredAndNothingAfterItIsRead() throws Exception {
        List<JsonNode> answers = serve("""
                {"id": 1, "cmd": "ping"}

                {"id": 2, "cmd": "quit"}
                {"id": 3, "cmd": "ping"}
                """);
        assertThat(answers).extracting(a -> a.get("id").asInt()).containsExactly(1, 2);
        assertThat(answers.get(1).get("ok").asBoolean()).isTrue();
    }

    @Test
    void theEndOfInputEndsServingWithoutQuit() throws Exception {
        assertThat(serve("")).isEmpty();
        assertThat(serve("{\"id\":1,\"cmd\":\"ping\"}")).hasSize(1);
    }
}
