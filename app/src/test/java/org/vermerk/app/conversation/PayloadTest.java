package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The application payload: every kind survives the round trip; newer ones are kept; broken ones refused. */
class PayloadTest {
    private static final Instant AT = Instant.ofEpochMilli(1_790_000_000_123L);

    @Test
    void everyKindReadsBackAsWritten() throws Exception {
        List<Payload> all = List.of(
                new Payload.Text("m1", AT, "Grüße 👋", Optional.empty()),
                new Payload.Text("m2", AT, "Antwort", Optional.of("m1")),
                new Payload.Edit("m3", AT, "m2", "Antwort, korrigiert"),
                new Payload.Delete("m4", AT, "m2"),
                new Payload.Reaction("m5", AT, "m1", "👍"),
                new Payload.Receipt("m6", AT, Payload.Receipt.Status.READ, List.of("m1", "m2")),
                new Payload.Info("m7", AT, "Referat Z 3"),
                new Payload.RecordNotice(
                        "m8",
                        AT,
                        "Anna Schmidt hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen",
                        "Anna Schmidt",
                        3,
                        "12-345/2026"),
                new Payload.Info("m9", AT, "Lagezentrum", Optional.of("VS – NUR FÜR DEN DIENSTGEBRAUCH")),
                new Payload.KeyChanged("m10", AT, "ben@bmi.example"));
        for (Payload payload : all) {
            assertThat(Payload.parse(payload.bytes())).isEqualTo(payload);
        }
        assertThat(new String(all.getFirst().bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"id\":\"m1\",\"sentAt\":1790000000123,\"type\":\"text\",\"text\":\"Grüße 👋\"}");
        assertThat(all.get(0).searchText()).contains("Grüße 👋");
        assertThat(all.get(4).searchText()).isEmpty();
    }

    @Test
    void anInfoOfAnOlderClientHasNoClassification() throws Exception {
        String older = "{\"v\":1,\"id\":\"i\",\"sentAt\":1,\"type\":\"info\",\"title\":\"Referat\"}";
        assertThat(Payload.parse(older)).isEqualTo(new Payload.Info("i", Instant.ofEpochMilli(1), "Referat"));
        assertThat(new Payload.Info("i", AT, "Referat").json()).doesNotContain("classification");
    }

    @Test
    void aNewerVersionOrAnUnknownTypeIsKeptAsItCame() throws Exception {
        String newer = "{\"v\":2,\"id\":\"x\",\"sentAt\":1,\"type\":\"text\",\"text\":\"?\"}";
        String poll = "{\"v\":1,\"id\":\"y\",\"sentAt\":1,\"type\":\"poll\",\"question\":\"?\"}";
        assertThat(Payload.parse(newer)).isEqualTo(new Payload.Unknown("x", Instant.ofEpochMilli(1), newer));
        assertThat(Payload.parse(poll).json()).isEqualTo(poll);
    }

    @Test
    void aRecordNoticeIsSearchableAndMalformedOnesAreRefused() throws Exception {
        String json = "{\"v\":1,\"id\":\"n\",\"sentAt\":1,\"type\":\"record-notice\","
                + "\"text\":\"Anna hat 1 Nachricht zu Az. 1/26 zu den Akten genommen\",\"officialName\":\"Anna\","
                + "\"messageCount\":1,\"fileReference\":\"1/26\"}";
        Payload notice = Payload.parse(json);
        assertThat(notice).isInstanceOf(Payload.RecordNotice.class);
        assertThat(notice.json()).isEqualTo(json);
        assertThat(notice.searchText()).contains("Anna hat 1 Nachricht zu Az. 1/26 zu den Akten genommen");
        // each reader renders it from the facts in their own language
        Payload.RecordNotice facts = (Payload.RecordNotice) notice;
        assertThat(facts.render(org.vermerk.app.policy.Language.ENGLISH))
                .isEqualTo("Anna filed 1 message under file reference 1/26");
        assertThat(facts.render(org.vermerk.app.policy.Language.GERMAN))
                .isEqualTo("Anna hat 1 Nachricht zu Az. 1/26 zu den Akten genommen");
        // the facts, not the sender's text: a notice sent from an English client reads German here
        Payload english = Payload.parse(json.replace(
                "Anna hat 1 Nachricht zu Az. 1/26 zu den Akten genommen",
                "Anna filed 1 message under file reference 1/26"));
        assertThat(((Payload.RecordNotice) english).render(org.vermerk.app.policy.Language.GERMAN))
                .isEqualTo("Anna hat 1 Nachricht zu Az. 1/26 zu den Akten genommen");
        for (String bad : List.of(
                json.replace("\"messageCount\":1", "\"messageCount\":0"),
                json.replace("\"messageCount\":1", "\"messageCount\":\"eins\""),
                json.replace(",\"fileReference\":\"1/26\"", ""))) {
            assertThatThrownBy(() -> Payload.parse(bad)).isInstanceOf(Payload.InvalidPayloadException.class);
        }
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsRefusedWithoutEchoingIt() {
        for (String bad : List.of(
                "not json",
                "[]",
                "{\"v\":1,\"sentAt\":1,\"type\":\"text\",\"text\":\"secret\"}",
                "{\"v\":1,\"id\":\"a\",\"sentAt\":1,\"type\":\"text\"}",
                "{\"v\":1,\"id\":\"a\",\"sentAt\":1,\"type\":\"receipt\",\"status\":\"seen\",\"targets\":[]}")) {
            assertThatThrownBy(() -> Payload.parse(bad))
                    .isInstanceOf(Payload.InvalidPayloadException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
    }

    @Test
    void aFileReadsBackWithItsKeyButNeverPrintsIt() throws Exception {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        byte[] hash = new byte[32];
        Payload.File file = new Payload.File(
                "f1",
                java.time.Instant.ofEpochMilli(5),
                "Vermerk.pdf",
                "application/pdf",
                1234,
                org.vermerk.protocol.codec.Bytes.of(hash),
                org.vermerk.protocol.crypto.Secret.of(key),
                "0123456789abcdef0123456789abcdef",
                java.util.Optional.of("anbei"));

        Payload.File back = (Payload.File) Payload.parse(file.json());

        assertThat(back.fileName()).isEqualTo("Vermerk.pdf");
        assertThat(back.size()).isEqualTo(1234);
        assertThat(back.key().expose()).isEqualTo(key);
        assertThat(back.blob()).isEqualTo(file.blob());
        assertThat(back.text()).contains("anbei");
        assertThat(back.searchText()).contains("Vermerk.pdf\nanbei");
        String keyText = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        assertThat(file.json()).contains(keyText);
        assertThat(file.toString()).doesNotContain(keyText).doesNotContain("Vermerk");
        assertThat(file.withBlob("").uploaded()).isFalse();
    }

    @Test
    void aFileWithABadKeyHashOrSizeIsRefused() {
        String good = "{\"v\":1,\"id\":\"f\",\"sentAt\":1,\"type\":\"file\",\"name\":\"a\",\"mediaType\":\"x/y\","
                + "\"size\":1,\"sha256\":\"" + "00".repeat(32) + "\",\"key\":\"" + "A".repeat(43)
                + "\",\"blob\":\"b\"}";
        assertThatCode(() -> Payload.parse(good)).doesNotThrowAnyException();
        for (String bad : java.util.List.of(
                good.replace("\"size\":1", "\"size\":-1"),
                good.replace("00".repeat(32), "00"),
                good.replace("A".repeat(43), "A".repeat(10)),
                good.replace("\"name\":\"a\"", "\"name\":\" \""),
                good.replace("A".repeat(43), "!".repeat(43)))) {
            assertThatThrownBy(() -> Payload.parse(bad)).isInstanceOf(Payload.InvalidPayloadException.class);
        }
    }
}
