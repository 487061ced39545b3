package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vermerk.protocol.framing.MlsMessage;

/**
 * Writes a pin for {@link GroupStatePinTest}: Bernd's stored state in {@link GroupStateScenario}
 * and the messages the other members send next, with what Bernd must arrive at. Run once per
 * format version, never again for a version already pinned (it refuses an existing directory):
 *
 * <pre>
 * ./mvnw -q -pl protocol test -Dtest=GroupStatePinGenerator -Dvermerk.groupStatePin=$PWD/protocol/src/test/resources/groupstate/v1
 * </pre>
 */
class GroupStatePinGenerator {
    private static final String EXPORTER_LABEL = "vermerk group state pin";
    private static final byte[] EXPORTER_CONTEXT = "v1".getBytes(StandardCharsets.UTF_8);
    private static final int EXPORTER_LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    @Test
    @EnabledIfSystemProperty(named = "vermerk.groupStatePin", matches = ".+")
    void writePin() throws Exception {
        Path dir = Path.of(System.getProperty("vermerk.groupStatePin"));
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " exists: a pinned version is never regenerated");
        }
        GroupStateScenario scenario = new GroupStateScenario();
        byte[] state = GroupStateCodec.encode(scenario.bernd.group);
        long epochBefore = scenario.bernd.group.epoch();

        // Bernd's live group takes part, so the pin holds what a member that never stopped sees.
        MlsMessage commit = scenario.world
                .commit(scenario.anna, CommitOptions.of(List.of()), List.of())
                .commit();
        MlsMessage fromClara = GroupStateScenario.encrypt(scenario.clara, "clara after the commit");
        assertThat(GroupStateScenario.decrypt(scenario.anna.group, fromClara)).isEqualTo("clara after the commit");
        scenario.world.assertAgreement();

        Files.createDirectories(dir);
        write(dir, "state.hex", state);
        write(dir, "1-application-anna-1.hex", scenario.fromAnna.get(1).encoded());
        write(dir, "2-application-anna-0.hex", scenario.fromAnna.get(0).encoded());
        write(
                dir,
                "3-application-anna-2-already-read.hex",
                scenario.fromAnna.get(2).encoded());
        write(dir, "4-commit-anna.hex", commit.encoded());
        write(dir, "5-application-clara.hex", fromClara.encoded());

        Group anna = scenario.anna.group;
        Properties expected = new Properties();
        expected.setProperty("clock", TestClient.CLOCK.instant().toString());
        expected.setProperty("epoch.before", Long.toString(epochBefore));
        expected.setProperty("epoch.after", Long.toString(anna.epoch()));
        expected.setProperty("plaintext.1", "anna 1");
        expected.setProperty("plaintext.2", "anna 0");
        expected.setProperty("plaintext.5", "clara after the commit");
        expected.setProperty(
                "epoch_authenticator", HEX.formatHex(anna.epochAuthenticator().expose()));
        expected.setProperty("exporter.label", EXPORTER_LABEL);
        expected.setProperty("exporter.context", HEX.formatHex(EXPORTER_CONTEXT));
        expected.setProperty("exporter.length", Integer.toString(EXPORTER_LENGTH));
        expected.setProperty(
                "exporter",
                HEX.formatHex(anna.export(EXPORTER_LABEL, EXPORTER_CONTEXT, EXPORTER_LENGTH)
                        .expose()));
        try (var out = Files.newBufferedWriter(dir.resolve("expected.properties"))) {
            expected.store(out, "GroupStatePinTest: what Bernd's stored state arrives at (see README.md)");
        }
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.writeString(dir.resolve(name), HEX.formatHex(bytes) + "\n");
    }
}
