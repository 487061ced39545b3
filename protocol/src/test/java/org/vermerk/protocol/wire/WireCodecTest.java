package org.vermerk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;

/** The JSON form of frames: round trips, base64 byte strings, and the typed decoding errors. */
class WireCodecTest {
    private final WireCodec codec = new WireCodec();

    @Test
    void aCommitRequestSurvivesTheRoundTripWithItsBytesAsBase64() throws WireException {
        var commit = new ClientRequest.SendCommit(
                "r1",
                Bytes.of(new byte[] {1, 2}),
                7,
                "m-1",
                Bytes.of(new byte[] {3, 4, 5}),
                null,
                List.of("dev-b"),
                List.of());

        String json = codec.encode(commit);

        assertThat(json)
                .contains("\"type\":\"sendCommit\"")
                .contains("\"groupId\":\"AQI=\"")
                .contains("\"epoch\":7");
        assertThat(codec.decodeRequest(json)).isEqualTo(commit);
    }

    @Test
    void aStaleEpochErrorNamesTheCurrentEpochAndOmitsAbsentFields() throws WireException {
        var error = new ServerFrame.Error("r9", ErrorCode.STALE_EPOCH, "epoch 3 is not current", 4L, null);

        String json = codec.encode(error);

        assertThat(json)
                .contains("\"type\":\"error\"")
                .contains("\"code\":\"stale_epoch\"")
                .contains("\"currentEpoch\":4")
                .doesNotContain("retryAfterMs");
        assertThat(codec.decodeServerFrame(json)).isEqualTo(error);
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> codec.decodeRequest("{not json"))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
    }

    @Test
    void aJsonArrayIsMalformed() {
        assertThatThrownBy(() -> codec.decodeRequest("[1,2]"))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
    }

    @Test
    void anUnknownTypeIsReportedWithTheRequestId() {
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"launchRockets\",\"id\":\"x1\"}"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(e.requestId()).isEqualTo("x1");
                });
    }

    @Test
    void aServerFrameTypeSentByAClientIsUnknown() {
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"deliver\",\"id\":\"x1\"}"))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
    }

    @Test
    void aMissingRequiredFieldIsAnInvalidRequestNamingTheField() {
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"authenticate\",\"id\":\"a\",\"deviceId\":\"d\"}"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.requestId()).isEqualTo("a");
                    assertThat(e.getMessage()).contains("signature");
                });
    }

    @Test
    void badBase64IsAnInvalidRequest() {
        assertThatThrownBy(() -> codec.decodeRequest(
                        "{\"type\":\"authenticate\",\"id\":\"a\",\"deviceId\":\"d\",\"signature\":\"***\"}"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("base64");
                });
    }

    @Test
    void aFieldOfTheWrongTypeIsAnInvalidRequestThatDoesNotEchoTheValue() {
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"ack\",\"id\":\"a\",\"upTo\":\"SECRET-VALUE\"}"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("upTo").doesNotContain("SECRET-VALUE");
                });
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws WireException {
        assertThat(codec.decodeRequest("{\"type\":\"ping\",\"id\":\"p\",\"future\":true}"))
                .isEqualTo(new ClientRequest.Ping("p"));
    }

    @Test
    void theChallengeSignatureContentIsLabelledAndEndsWithTheNonce() {
        byte[] content = ChallengeSignature.content(Bytes.of(new byte[] {9, 8}));

        assertThat(new String(content, 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("vermerk auth v1");
        assertThat(content).endsWith(0, 9, 8);
    }
}
