package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.secrettree.SecretTreeException;
import org.vermerk.protocol.secrettree.SecretTreeRule;
import org.vermerk.protocol.testing.RuleAssertions;

/**
 * The pin of the stored group state format: a version-1 state written once (by {@link
 * GroupStatePinGenerator}, on 2026-11-27) must load with today's code and every later one, and
 * continue exactly as the member it was stored from did.
 *
 * <p>Resources in {@code groupstate/v1/}: {@code state.hex} (Bernd's state in {@link
 * GroupStateScenario}: three members, epoch 2, two of Anna's messages still outstanding, Updates
 * of Clara and Bernd proposed), the messages the others sent next as encoded {@code MLSMessage}s
 * in the order Bernd processes them ({@code 1-} to {@code 5-}), and {@code expected.properties}:
 * the plaintexts, the epochs, the epoch authenticator and an exported secret after the commit,
 * taken from a member that never stopped. Checked: the state loads; the outstanding messages
 * decrypt out of order (§9.2 window); the message read before storing is a replay (SECRET-TREE-2);
 * the commit covering the proposals by reference is processed and merged; Bernd agrees on the
 * epoch authenticator and the exporter (§8.5, §8.7); he reads Clara's message of the new epoch and
 * can send.
 *
 * <p><b>If the format changes, bump {@link GroupStateCodec#VERSION} and add a migration that reads
 * version 1; never regenerate the v1 pin.</b> A new version gets a pin of its own next to this one
 * ({@code groupstate/v2/}), and this test keeps loading v1.
 */
class GroupStatePinTest {
    private static final String DIR = "/groupstate/v1/";
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theVersionOneStateContinuesTheConversation() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = resource("expected.properties")) {
            expected.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Clock clock = Clock.fixed(Instant.parse(expected.getProperty("clock")), ZoneOffset.UTC);
        byte[] stored = hex("state.hex");
        assertThat(stored).startsWith(new byte[] {'V', 'M', 'G', 'S', 0, 1});

        Group bernd = GroupStateCodec.decode(stored, GroupConfig.defaults().withClock(clock));
        assertThat(bernd.epoch()).isEqualTo(Long.parseLong(expected.getProperty("epoch.before")));
        assertThat(bernd.members()).hasSize(3);

        assertThat(GroupStateScenario.decrypt(bernd, message("1-application-anna-1.hex")))
                .isEqualTo(expected.getProperty("plaintext.1"));
        assertThat(GroupStateScenario.decrypt(bernd, message("2-application-anna-0.hex")))
                .isEqualTo(expected.getProperty("plaintext.2"));
        MlsMessage alreadyRead = message("3-application-anna-2-already-read.hex");
        RuleAssertions.assertViolates(
                () -> bernd.process(alreadyRead), SecretTreeException.class, SecretTreeRule.REPLAY);

        var commit = (ProcessedMessage.CommitMessage) bernd.process(message("4-commit-anna.hex"));
        bernd.mergeStagedCommit(commit.staged());
        assertThat(bernd.epoch()).isEqualTo(Long.parseLong(expected.getProperty("epoch.after")));
        assertThat(HEX.formatHex(bernd.epochAuthenticator().expose()))
                .isEqualTo(expected.getProperty("epoch_authenticator"));
        byte[] exported = bernd.export(
                        expected.getProperty("exporter.label"),
                        HEX.parseHex(expected.getProperty("exporter.context")),
                        Integer.parseInt(expected.getProperty("exporter.length")))
                .expose();
        assertThat(HEX.formatHex(exported)).isEqualTo(expected.getProperty("exporter"));

        assertThat(GroupStateScenario.decrypt(bernd, message("5-application-clara.hex")))
                .isEqualTo(expected.getProperty("plaintext.5"));
        assertThat(bernd.encrypt("bernd continues".getBytes(StandardCharsets.UTF_8), Bytes.EMPTY))
                .isNotNull();
    }

    private static MlsMessage message(String name) throws Exception {
        Decoder<MlsMessage> decoder = MlsMessage::decode;
        return decoder.decodeAll(hex(name));
    }

    private static byte[] hex(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return HEX.parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = GroupStatePinTest.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + DIR + name);
        }
        return in;
    }
}
