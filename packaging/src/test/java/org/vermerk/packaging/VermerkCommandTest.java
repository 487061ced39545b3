package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VermerkCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = VermerkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: vermerk").contains("--version");
    }

    @Test
    void helpListsTheServerCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("server");
    }

    @Test
    void helpListsTheMlsInteropPeer() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("mls-peer");
        assertThat(run("mls-peer", "--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("docs/mls-interop-peer.md");
        assertThat(run("mls-peer", "serve", "--help")).isZero();
        assertThat(out.toString()).contains("standard input");
    }

    @Test
    void serverHelpExplainsTheServerAndItsAdminCommand() {
        assertThat(run("server", "--help")).isZero();
        assertThat(out.toString())
                .contains("--data")
                .contains("--port")
                .contains("delivery server")
                .contains("admin");
    }

    @Test
    void addUserPrintsAOneTimeEnrolmentCodeAsTheLastLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        assertThat(run("server", "admin", "--data", data.toString(), "add-user", "anna@bmi.example", "--name", "Anna"))
                .isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        assertThat(run("server", "admin", "--data", data.toString(), "add-user", "anna@bmi.example", "--name", "Anna"))
                .isNotZero();
    }

    @Test
    void clientHelpNamesItsHomeAndPolicyOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("client");
        assertThat(run("client", "--help")).isZero();
        assertThat(out.toString()).contains("--home").contains("--policy").contains("desktop client");
    }

    @Test
    void clientStopsOnAnInvalidPolicyBeforeAnyWindowOpens(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path policy =
                java.nio.file.Files.writeString(dir.resolve("policy.json"), "{\"passphraseMinLength\": 3}");
        assertThat(run("client", "--home", dir.resolve("home").toString(), "--policy", policy.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("passphraseMinLength").contains("does not start with this policy");
    }

    @Test
    void onlyTheClientAndTheDemoStartTheToolkitBeforeTheCommandLineIsRead() {
        assertThat(VermerkCommand.opensTheClient(new String[] {"client", "--home", "/tmp/h"}))
                .isTrue();
        assertThat(VermerkCommand.opensTheClient(new String[] {"--policy", "p.json", "demo"}))
                .isTrue();
        assertThat(VermerkCommand.opensTheClient(new String[] {"--policy", "client", "server"}))
                .isFalse();
        assertThat(VermerkCommand.opensTheClient(new String[] {"client", "--help"}))
                .isFalse();
        assertThat(VermerkCommand.opensTheClient(new String[] {"--smoke-test"})).isFalse();
        assertThat(VermerkCommand.opensTheClient(new String[] {"server", "--data", "client"}))
                .isFalse();
        assertThat(VermerkCommand.opensTheClient(new String[] {})).isFalse();
        assertThat(ClientLauncher.clientArguments(new String[] {"--home", "/tmp/h"}))
                .containsExactly("client", "--home", "/tmp/h");
    }

    @Test
    void theClientsStartParsesWithTheClientCommandAloneAndEverythingElseWithTheWholeCommand() {
        assertThat(VermerkCommand.forArguments(new String[] {"client", "--home", "/tmp/h"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("client");
        assertThat(VermerkCommand.forArguments(new String[] {"--policy", "p.json", "client"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("client");
        for (String[] args : new String[][] {{"demo"}, {"client", "--help"}, {"--help"}, {"server"}, {}}) {
            assertThat(VermerkCommand.forArguments(args).getSubcommands().keySet())
                    .as(String.join(" ", args))
                    .contains("help", "client", "demo", "server", "policy", "cli", "package");
        }
    }

    @Test
    void theClientAloneStillStopsOnAnInvalidPolicyAndRejectsAnUnknownOption(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path policy =
                java.nio.file.Files.writeString(dir.resolve("policy.json"), "{\"passphraseMinLength\": 3}");
        String[] args = {
            "--policy",
            policy.toString(),
            "client",
            "--home",
            dir.resolve("home").toString()
        };
        CommandLine clientOnly = VermerkCommand.forArguments(args);
        clientOnly.setOut(new PrintWriter(out, true));
        clientOnly.setErr(new PrintWriter(err, true));

        assertThat(clientOnly.execute(args)).isEqualTo(1); // the root's --policy reached the client
        assertThat(err.toString()).contains("passphraseMinLength");
        assertThat(clientOnly.execute("client", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("--bogus");
    }

    @Test
    void versionNamesTheProductAndTheJavaRuntime() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString())
                .contains("Vermerk")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownSubcommandFailsWithAnErrorInsteadOfPretending() {
        assertThat(run("teleport")).isNotZero();
        assertThat(err.toString()).contains("Unmatched argument").contains("teleport");
    }
}
