package org.vermerk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import picocli.CommandLine;

/** {@code directory}, {@code group create --classification}, {@code safety-number}, {@code verify} and {@code acknowledge} against the real server. */
class PeopleCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"));
        passphrase = Files.writeString(dir.resolve("passphrase"), TestAccounts.PASSPHRASE + "\n");
        for (String[] user : new String[][] {{ANNA, "Anna Schmidt"}, {BEN, "Ben Krüger"}}) {
            String code = server.server().administration().addUser(user[0], user[1]);
            assertThat(run(
                            user[0],
                            "enrol",
                            "--server",
                            server.url().toString(),
                            "--ca",
                            server.caFile().toString(),
                            "--code",
                            code))
                    .as(() -> err.toString())
                    .isZero();
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String user, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(
                new CliCommand(() -> AdminPolicy.none(dir.resolve("no-policy.json")), TestAccounts.options()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(
                List.of("--home", dir.resolve(user).toString(), "--passphrase-file", passphrase.toString()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private List<JsonNode> json() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().strip().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void directorySearchAndUserWithDevicesInTextAndJson() throws Exception {
        assertThat(run(ANNA, "directory", "search", "ben", "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(json()).singleElement().satisfies(u -> {
            assertThat(u.get("userId").asText()).isEqualTo(BEN);
            assertThat(u.get("displayName").asText()).isEqualTo("Ben Krüger");
        });
        assertThat(run(ANNA, "directory", "search", "A")).isZero();
        assertThat(out.toString()).contains(ANNA + "  Anna Schmidt").doesNotContain(BEN);

        assertThat(run(ANNA, "directory", "user", BEN, "--json"))
                .as(() -> err.toString())
                .isZero();
        JsonNode ben = json().getFirst();
        assertThat(ben.get("displayName").asText()).isEqualTo("Ben Krüger");
        assertThat(ben.get("devices")).hasSize(1);
        assertThat(ben.get("devices").get(0).get("fingerprint").asText()).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");

        assertThat(run(ANNA, "directory", "user", "nobody@bmi.example")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("knows no user nobody@bmi.example");
    }

    @Test
    void aGroupWithAClassificationShowsItAndListsIt() throws Exception {
        String label = "VS – NUR FÜR DEN DIENSTGEBRAUCH";
        assertThat(run(
                        ANNA,
                        "group",
                        "create",
                        "--title",
                        "Lage",
                        "--classification",
                        label,
                        "--member",
                        BEN,
                        "--json"))
                .as(() -> err.toString())
                .isZero();
        JsonNode created = json().getLast();
        assertThat(created.get("classification").asText()).isEqualTo(label);
        assertThat(run(ANNA, "conversations")).isZero();
        assertThat(out.toString()).contains("Lage  [" + label + "]");
    }

    @Test
    void safetyNumberShowsTheStateWhichVerifyRaisesAndAcknowledgeLeavesWithoutAChange() throws Exception {
        assertThat(run(ANNA, "safety-number", "--user", BEN, "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(json().getFirst().get("trust").asText()).isEqualTo("unknown");

        assertThat(run(ANNA, "verify", "--user", BEN)).as(() -> err.toString()).isZero();
        assertThat(out.toString()).contains(BEN + " is verified (1 devices)");
        assertThat(run(ANNA, "safety-number", "--user", BEN)).isZero();
        assertThat(out.toString()).contains("State: verified");

        assertThat(run(ANNA, "acknowledge", "--user", BEN, "--json"))
                .as(() -> err.toString())
                .isZero();
        JsonNode ack = json().getFirst();
        assertThat(ack.get("changed").asBoolean()).isFalse();
        assertThat(ack.get("trust").asText()).isEqualTo("verified");

        assertThat(run(ANNA, "verify", "--user", ANNA)).isEqualTo(ExitCodes.USAGE);
        assertThat(run(ANNA, "acknowledge", "--user", "nobody@bmi.example")).isEqualTo(ExitCodes.FAILED);
    }
}
