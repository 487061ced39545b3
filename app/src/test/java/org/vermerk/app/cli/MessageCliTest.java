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

/** {@code reply}, {@code edit}, {@code delete}, {@code react}, {@code read}, and what {@code receive} prints of them, against the real server. */
class MessageCliTest {
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
        for (String user : List.of(ANNA, BEN)) {
            String code = server.server().administration().addUser(user, user);
            assertThat(run(
                            user,
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

    private List<JsonNode> events(String event) throws Exception {
        return json().stream()
                .filter(n -> n.path("event").asText().equals(event))
                .toList();
    }

    private JsonNode ok(String user, String... args) throws Exception {
        assertThat(run(user, args)).as(() -> err.toString()).isZero();
        return json().getLast();
    }

    @Test
    void replyEditReactReadAndDeleteReachTheOtherSideAndReceivePrintsThem() throws Exception {
        JsonNode hello = ok(ANNA, "send", "--to", BEN, "Hallo", "--json");
        String conversation = hello.get("conversationId").asText();
        String m1 = hello.get("messageId").asText();

        assertThat(run(BEN, "receive", "--until-idle", "1", "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(events("message")).anySatisfy(m -> {
            assertThat(m.get("messageId").asText()).isEqualTo(m1);
            assertThat(m.get("text").asText()).isEqualTo("Hallo");
        });

        // ben's device confirmed it while receiving: anna's receive shows it delivered
        assertThat(run(ANNA, "receive", "--until-idle", "1"))
                .as(() -> err.toString())
                .isZero();
        assertThat(out.toString()).contains(m1 + "  delivered");

        JsonNode reply = ok(BEN, "reply", "--conversation", conversation, "--to-message", m1, "Antwort", "--json");
        assertThat(reply.get("event").asText()).isEqualTo("replied");
        assertThat(reply.get("target").asText()).isEqualTo(m1);
        String r1 = reply.get("messageId").asText();

        assertThat(run(ANNA, "receive", "--until-idle", "1", "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(events("message"))
                .anySatisfy(m -> assertThat(m.get("text").asText()).isEqualTo("Antwort"));
        JsonNode edited = ok(ANNA, "edit", "--message", m1, "Hallo Ben", "--json");
        assertThat(edited.get("event").asText()).isEqualTo("edited");
        JsonNode reacted = ok(ANNA, "react", "--message", r1, "👍", "--json");
        assertThat(reacted.get("emoji").asText()).isEqualTo("👍");

        assertThat(run(BEN, "receive", "--until-idle", "1", "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(events("edited")).singleElement().satisfies(e -> {
            assertThat(e.get("messageId").asText()).isEqualTo(m1);
            assertThat(e.get("text").asText()).isEqualTo("Hallo Ben");
        });
        assertThat(events("message"))
                .anySatisfy(m -> assertThat(m.get("text").asText()).isEqualTo("[reaction 👍 to " + r1 + "]"));

        JsonNode read = ok(BEN, "read", "--conversation", conversation, "--json");
        assertThat(read.get("messageIds")).extracting(JsonNode::asText).containsExactly(m1);
        assertThat(run(BEN, "read", "--conversation", conversation)).isZero();
        assertThat(out.toString()).contains("Nothing new to mark as read");

        assertThat(run(ANNA, "receive", "--until-idle", "1", "--json"))
                .as(() -> err.toString())
                .isZero();
        assertThat(events("read"))
                .anySatisfy(e -> assertThat(e.get("messageId").asText()).isEqualTo(m1));
        JsonNode deleted = ok(ANNA, "delete", "--message", m1, "--json");
        assertThat(deleted.get("event").asText()).isEqualTo("deleted");

        assertThat(run(BEN, "receive", "--until-idle", "1"))
                .as(() -> err.toString())
                .isZero();
        assertThat(out.toString()).contains(m1 + "  deleted");
    }

    @Test
    void changingAnotherPersonsMessageAnUnknownMessageOrATextAsReactionFailsWithATypedError() throws Exception {
        String m1 = ok(ANNA, "send", "--to", BEN, "Hallo", "--json")
                .get("messageId")
                .asText();
        assertThat(run(BEN, "receive", "--until-idle", "1")).isZero();

        assertThat(run(BEN, "edit", "--message", m1, "gefälscht", "--json")).isEqualTo(ExitCodes.FAILED);
        assertThat(JSON.readTree(err.toString().strip()).get("error").asText()).isEqualTo("not_own_message");
        assertThat(run(BEN, "delete", "--message", m1)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("only the sender can delete");
        assertThat(run(BEN, "react", "--message", "no-such-message", "👍", "--json"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(JSON.readTree(err.toString().strip()).get("error").asText()).isEqualTo("no_message");
        assertThat(run(BEN, "react", "--message", m1, "gut gemacht")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(BEN, "reply", "--conversation", "00", "--to-message", m1, "x", "--json"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(JSON.readTree(err.toString().strip()).get("error").asText()).isEqualTo("wrong_conversation");
    }
}
