package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.app.policy.PolicyLocation;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;
import org.vermerk.server.tls.LocalCertificateAuthority;
import picocli.CommandLine;

/**
 * {@code vermerk cli} end to end, in process through the {@code vermerk} entry point, against the
 * real server on loopback: enrol, devices, status; {@code --json}; the common options before and
 * after the subcommand; passphrase from a file; the messages and exit codes of the failures.
 */
class CliCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DeliveryServer server;
    private String url;
    private Path ca;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        server = DeliveryServer.start(
                ServerConfig.defaults(dir.resolve("server")).withPort(0), Clock.systemUTC());
        url = "https://127.0.0.1:" + server.port();
        ca = server.caCertificate();
        passphrase = Files.writeString(dir.resolve("passphrase"), "a long enough passphrase\n");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = VermerkCommand.commandLine(new PolicyLocation(
                OperatingSystem.current(), dir.resolve("no-policy.json").toString()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().strip().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private String home(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void enrolTwoDevicesListThemAndShowStatusWithOptionsInBothPositions() throws Exception {
        String code = server.administration().addUser("anna@bmi.example", "Anna Schmidt");
        int exit = run(
                "cli",
                "--home",
                home("laptop"),
                "--passphrase-file",
                passphrase.toString(),
                "enrol",
                "--server",
                url,
                "--ca",
                ca.toString(),
                "--user",
                "anna@bmi.example",
                "--code",
                code,
                "--device-name",
                "Laptop");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Enrolled device d")
                .contains("anna@bmi.example")
                .contains("Fingerprint:");

        String second = server.administration().newEnrolmentCode("anna@bmi.example");
        exit = run(
                "cli",
                "enrol",
                "--home",
                home("desktop"),
                "--passphrase-file",
                passphrase.toString(),
                "--json",
                "--server",
                "wss://127.0.0.1:" + server.port() + "/v1/ws", // as the server prints it
                "--ca",
                ca.toString(),
                "--code", // without --user: the code's user
                second,
                "--device-name",
                "Desktop");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode enrolled = jsonLines().getFirst();
        assertThat(enrolled.get("event").asText()).isEqualTo("enrolled");
        assertThat(enrolled.get("userId").asText()).isEqualTo("anna@bmi.example");
        assertThat(enrolled.get("server").asText()).isEqualTo(url);
        String desktopId = enrolled.get("deviceId").asText();

        exit = run("cli", "--json", "--home", home("desktop"), "devices", "--passphrase-file", passphrase.toString());
        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> devices = jsonLines();
        assertThat(devices).hasSize(2);
        assertThat(devices)
                .extracting(d -> d.get("deviceName").asText())
                .containsExactlyInAnyOrder("Laptop", "Desktop");
        assertThat(devices)
                .filteredOn(d -> d.get("thisDevice").asBoolean())
                .extracting(d -> d.get("deviceId").asText())
                .containsExactly(desktopId);

        exit = run("cli", "--home", home("laptop"), "devices", "--passphrase-file", passphrase.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("* d")
                .contains("Laptop")
                .contains("Desktop")
                .contains("ed25519");

        exit = run("cli", "--home", home("laptop"), "--passphrase-file", passphrase.toString(), "status");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("User:       anna@bmi.example")
                .contains("Server:     " + url)
                .contains("Connection: ok")
                .contains("100 KeyPackages on the server");

        exit = run("cli", "status", "--home", home("desktop"), "--passphrase-file", passphrase.toString(), "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode status = jsonLines().getFirst();
        assertThat(status.get("deviceId").asText()).isEqualTo(desktopId);
        assertThat(status.get("connection").asText()).isEqualTo("ok");
    }

    @Test
    void failuresSayWhatIsWrongInOneLineWithTheirExitCodes() throws Exception {
        String code = server.administration().addUser("ben@bmi.example", "Ben");
        String[] enrol = {"enrol", "--server", url, "--ca", ca.toString(), "--user", "ben@bmi.example", "--code", code};
        assertThat(run(concat(
                        new String[] {"cli", "--home", home("one"), "--passphrase-file", passphrase.toString()},
                        enrol)))
                .as(err.toString())
                .isZero();

        // the code was used
        assertThat(run(concat(
                        new String[] {"cli", "--home", home("two"), "--passphrase-file", passphrase.toString()},
                        enrol)))
                .isEqualTo(7);
        assertThat(err.toString().strip())
                .isEqualTo("vermerk cli: enrolment refused: the code is unknown, used, expired or for another user");
        assertThat(dir.resolve("two").resolve("store")).doesNotExist();

        // a wrong passphrase, as text and as JSON
        Path wrong = Files.writeString(dir.resolve("wrong"), "not the passphrase at all\n");
        assertThat(run("cli", "--home", home("one"), "--passphrase-file", wrong.toString(), "status"))
                .isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("vermerk cli: wrong passphrase");
        assertThat(run("cli", "--home", home("one"), "--passphrase-file", wrong.toString(), "--json", "devices"))
                .isEqualTo(3);
        assertThat(JSON.readTree(err.toString()).get("error").asText()).isEqualTo("wrong_passphrase");

        // no passphrase file and no terminal
        assertThat(run("cli", "--home", home("one"), "status")).isEqualTo(3);
        assertThat(err.toString()).contains("no terminal to ask for the passphrase: give --passphrase-file FILE");

        // no account
        assertThat(run("cli", "--home", home("nobody"), "--passphrase-file", passphrase.toString(), "status"))
                .isEqualTo(4);
        assertThat(err.toString()).contains("no account in");

        // a CA that did not sign the server's certificate
        Path otherCa = LocalCertificateAuthority.ensure(dir.resolve("other-ca"), new SecureRandom())
                .caCertificate();
        String code2 = server.administration().newEnrolmentCode("ben@bmi.example");
        assertThat(run(
                        "cli",
                        "--home",
                        home("three"),
                        "--passphrase-file",
                        passphrase.toString(),
                        "enrol",
                        "--server",
                        url,
                        "--ca",
                        otherCa.toString(),
                        "--user",
                        "ben@bmi.example",
                        "--code",
                        code2))
                .isEqualTo(6);
        assertThat(err.toString()).contains("TLS failure").contains("is not trusted");

        // the server is gone: status still names user and server, then fails
        server.close();
        assertThat(run("cli", "--home", home("one"), "--passphrase-file", passphrase.toString(), "status"))
                .isEqualTo(5);
        assertThat(out.toString()).contains("User:       ben@bmi.example").contains("Connection: failed");
        assertThat(err.toString()).contains("cannot reach the server at 127.0.0.1:");
    }

    @Test
    void sendToAPersonThenReceiveCreateAGroupListConversationsMembersAndSafetyNumbers() throws Exception {
        String pass = passphrase.toString();
        for (String user : List.of("anna@bmi.example", "ben@bmi.example")) {
            String code = server.administration().addUser(user, user);
            assertThat(run(
                            "cli",
                            "--home",
                            home(user),
                            "--passphrase-file",
                            pass,
                            "enrol",
                            "--server",
                            url,
                            "--ca",
                            ca.toString(),
                            "--code",
                            code))
                    .as(err.toString())
                    .isZero();
        }

        assertThat(run(
                        "cli",
                        "--home",
                        home("anna@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "send",
                        "--to",
                        "ben@bmi.example",
                        "Guten Morgen, Ben"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).startsWith("Sent ").contains(" to conversation ");
        String direct = out.toString().strip().substring(out.toString().strip().lastIndexOf(' ') + 1);

        assertThat(run(
                        "cli",
                        "receive",
                        "--home",
                        home("ben@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "--json",
                        "--until-idle",
                        "2"))
                .as(err.toString())
                .isZero();
        List<JsonNode> received = jsonLines().stream()
                .filter(l -> l.get("event").asText().equals("message"))
                .toList();
        assertThat(received).hasSize(1);
        JsonNode message = received.getFirst();
        assertThat(message.get("conversationId").asText()).isEqualTo(direct);
        assertThat(message.get("sender").asText()).isEqualTo("anna@bmi.example");
        assertThat(message.get("text").asText()).isEqualTo("Guten Morgen, Ben");
        assertThat(message.get("serverSeq").asLong()).isPositive();
        assertThat(message.get("sentAt").asText()).isNotBlank();
        assertThat(message.get("receivedAt").asText()).isNotBlank();

        // again: nothing new
        assertThat(run(
                        "cli",
                        "--home",
                        home("ben@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "receive",
                        "--until-idle",
                        "1"))
                .isZero();
        assertThat(out.toString()).doesNotContain("Guten Morgen");

        assertThat(run(
                        "cli",
                        "--home",
                        home("ben@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "group",
                        "create",
                        "--title",
                        "Referat Z 3",
                        "--member",
                        "anna@bmi.example"))
                .as(err.toString())
                .isZero();
        String[] lines = out.toString().strip().split("\\R");
        String group = lines[lines.length - 1];
        assertThat(group).matches("[0-9a-f]{34}");

        assertThat(run(
                        "cli",
                        "--home",
                        home("anna@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "receive",
                        "--until-idle",
                        "2"))
                .isZero();
        assertThat(out.toString()).contains("[title: Referat Z 3]");
        assertThat(run("cli", "--home", home("anna@bmi.example"), "--passphrase-file", pass, "conversations"))
                .isZero();
        assertThat(out.toString())
                .contains(direct + "  1:1    ben@bmi.example  (2 members)")
                .contains(group + "  group  Referat Z 3  (2 members)");
        assertThat(run(
                        "cli",
                        "--home",
                        home("anna@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "members",
                        "--conversation",
                        group))
                .isZero();
        assertThat(out.toString()).contains("* anna@bmi.example").contains("  ben@bmi.example");

        assertThat(run(
                        "cli",
                        "--home",
                        home("anna@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "--json",
                        "safety-number",
                        "--user",
                        "ben@bmi.example"))
                .isZero();
        String annas = jsonLines().getFirst().get("safetyNumber").asText();
        assertThat(annas).matches("(\\d{5} ){11}\\d{5}");
        assertThat(run(
                        "cli",
                        "--home",
                        home("ben@bmi.example"),
                        "--passphrase-file",
                        pass,
                        "--json",
                        "safety-number",
                        "--user",
                        "anna@bmi.example"))
                .isZero();
        assertThat(jsonLines().getFirst().get("safetyNumber").asText()).isEqualTo(annas);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] result = new String[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
