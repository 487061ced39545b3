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

/** {@code send --attach}, {@code receive} with a file and {@code attachment save} against the real server. */
class AttachmentCliTest {
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
    void aFileSentWithAttachIsListedByReceiveAndSavedWhole() throws Exception {
        byte[] content = new byte[200_000];
        new java.util.Random(1).nextBytes(content);
        Path file = Files.write(dir.resolve("Bericht 2026.pdf"), content);

        assertThat(run(ANNA, "send", "--to", BEN, "--attach", file.toString(), "Bericht anbei", "--json"))
                .as(() -> err.toString())
                .isZero();
        JsonNode sent = json().getFirst();
        String messageId = sent.get("messageId").asText();
        assertThat(sent.get("attachment").get("name").asText()).isEqualTo("Bericht 2026.pdf");
        assertThat(sent.get("attachment").get("size").asLong()).isEqualTo(200_000);
        assertThat(sent.toString()).doesNotContain("\"key\"");

        assertThat(run(BEN, "receive", "--until-idle", "2", "--json"))
                .as(() -> err.toString())
                .isZero();
        JsonNode received = json().stream()
                .filter(n -> n.path("messageId").asText().equals(messageId))
                .findFirst()
                .orElseThrow();
        assertThat(received.get("attachment").get("name").asText()).isEqualTo("Bericht 2026.pdf");
        assertThat(received.get("attachment").get("sha256").asText()).hasSize(64);
        assertThat(received.get("text").asText()).contains("[file Bericht 2026.pdf, 200000 bytes");
        assertThat(received.toString()).doesNotContain("\"key\"");

        Path out = dir.resolve("saved.pdf");
        assertThat(run(BEN, "attachment", "save", "--message", messageId, "--out", out.toString()))
                .as(() -> err.toString())
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(content);
        assertThat(run(BEN, "attachment", "save", "--message", messageId, "--out", out.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(
                        BEN,
                        "attachment",
                        "save",
                        "--message",
                        "nope",
                        "--out",
                        dir.resolve("x").toString(),
                        "--json"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no_attachment");
    }

    @Test
    void sendWithoutTextOrFileIsAUsageError() {
        assertThat(run(ANNA, "send", "--to", BEN)).isEqualTo(ExitCodes.USAGE);
        assertThat(run(
                        ANNA,
                        "send",
                        "--to",
                        BEN,
                        "--attach",
                        dir.resolve("missing.pdf").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("not a readable file");
    }
}
