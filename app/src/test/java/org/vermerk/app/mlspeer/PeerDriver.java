package org.vermerk.app.mlspeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** Drives an in-process {@link MlsPeer} with requests built from name/value pairs and checks each answer's id. */
final class PeerDriver {
    static final ObjectMapper JSON = new ObjectMapper();

    private final MlsPeer peer = new MlsPeer(new PrintStream(OutputStream.nullOutputStream()));
    private int nextId;

    /** The answer to {@code cmd} for client {@code state} with arguments given as name, value, name, value... */
    JsonNode send(String cmd, String state, Object... arguments) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        int id = ++nextId;
        request.put("id", id);
        request.put("cmd", cmd);
        if (state != null) {
            request.put("state", state);
        }
        for (int i = 0; i < arguments.length; i += 2) {
            request.set((String) arguments[i], JSON.valueToTree(arguments[i + 1]));
        }
        String line = peer.answer(JSON.writeValueAsString(request));
        assertThat(line).doesNotContain("\n");
        JsonNode answer = JSON.readTree(line);
        assertThat(answer.get("id").asInt()).isEqualTo(id);
        return answer;
    }

    /** The answer, which must be a success. */
    JsonNode ok(String cmd, String state, Object... arguments) throws Exception {
        JsonNode answer = send(cmd, state, arguments);
        assertThat(answer.get("ok").asBoolean()).as("%s: %s", cmd, answer).isTrue();
        return answer;
    }

    /** The error message of the answer, which must be a failure. */
    String fails(String cmd, String state, Object... arguments) throws Exception {
        JsonNode answer = send(cmd, state, arguments);
        assertThat(answer.get("ok").asBoolean()).as("%s: %s", cmd, answer).isFalse();
        assertThat(answer.get("error").asText()).isNotBlank();
        return answer.get("error").asText();
    }

    /** The epoch info of a client, through {@code epoch-authenticator}, without the request id. */
    JsonNode epochInfo(String state) throws Exception {
        ObjectNode info = (ObjectNode) ok("epoch-authenticator", state);
        info.remove("id");
        return info;
    }

    /** Asserts that all clients are in the same epoch with the same authenticator and exporter. */
    void assertAgree(List<String> states) throws Exception {
        JsonNode first = epochInfo(states.getFirst());
        for (String state : states) {
            JsonNode info = epochInfo(state);
            assertThat(info.get("epoch").asLong())
                    .as(state)
                    .isEqualTo(first.get("epoch").asLong());
            assertThat(info.get("epoch_authenticator").asText())
                    .as(state)
                    .isEqualTo(first.get("epoch_authenticator").asText());
            assertThat(info.get("exporter").asText())
                    .as(state)
                    .isEqualTo(first.get("exporter").asText());
            assertThat(info.get("members").asInt())
                    .as(state)
                    .isEqualTo(first.get("members").asInt());
        }
    }

    MlsPeer peer() {
        return peer;
    }
}
