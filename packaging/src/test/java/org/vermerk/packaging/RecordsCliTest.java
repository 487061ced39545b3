package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.app.policy.PolicyLocation;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;
import picocli.CommandLine;

/**
 * {@code vermerk cli records} end to end against the real server on loopback with two real
 * clients: Anna sends Ben three messages, marks them, lists, exports and verifies the export; Ben
 * receives the notice; tampered copies of the export are rejected with the rule they break; with
 * {@code recordsNotice: false} no notice goes out.
 */
class RecordsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";

    @TempDir
    Path dir;

    private DeliveryServer server;
    private String url;
    private Path ca;
    private String pass;
    private Path policy;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        server = DeliveryServer.start(
                ServerConfig.defaults(dir.resolve("server")).withPort(0), Clock.systemUTC());
        url = "https://127.0.0.1:" + server.port();
        ca = server.caCertificate();
        pass = Files.writeString(dir.resolve("passphrase"), "a long enough passphrase\n")
                .toString();
        policy = dir.resolve("no-policy.json");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine =
                VermerkCommand.commandLine(new PolicyLocation(OperatingSystem.current(), policy.toString()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Runs {@code vermerk cli --home <user's> --passphrase-file … args}; asserts exit 0. */
    private String as(String user, String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "cli";
        full[1] = "--home";
        full[2] = dir.resolve(user).toString();
        full[3] = "--passphrase-file";
        full[4] = pass;
        System.arraycopy(args, 0, full, 5, args.length);
        assertThat(run(full)).as(err.toString()).isZero();
        return out.toString();
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().strip().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private void enrol(String user) throws Exception {
        String code = server.administration().addUser(user, user);
        as(user, "enrol", "--server", url, "--ca", ca.toString(), "--code", code);
    }

    private JsonNode send(String from, String to, String text) throws Exception {
        as(from, "--json", "send", "--to", to, text);
        return jsonLines().getFirst();
    }

    private List<String> received(String user) throws Exception {
        as(user, "--json", "receive", "--until-idle", "2");
        return jsonLines().stream()
                .filter(l -> l.get("event").asText().equals("message"))
                .map(l -> l.get("text").asText())
                .toList();
    }

    private int verify(Path zip) {
        return run("cli", "records", "verify", zip.toString());
    }

    @Test
    void markListExportVerifyAndTheOtherMemberIsTold() throws Exception {
        enrol(ANNA);
        enrol(BEN);
        JsonNode first = send(ANNA, BEN, "Guten Morgen, Ben – die Vorlage zur Rechenzentrumsfläche?");
        String conversation = first.get("conversationId").asText();
        send(ANNA, BEN, "Wir zeichnen mit, vorbehaltlich der Kostenschätzung.");
        JsonNode third = send(ANNA, BEN, "Bitte an Referat Z 3 weitergeben.");
        assertThat(received(BEN)).hasSize(3);

        String marked = as(
                ANNA,
                "records",
                "mark",
                "--conversation",
                conversation,
                "--from",
                first.get("messageId").asText(),
                "--to",
                third.get("messageId").asText(),
                "--file-ref",
                "12-345/2026",
                "--subject",
                "Größenänderung der Rechenzentrumsfläche",
                "--note",
                "Entscheidung zur Mitzeichnung",
                "--name",
                "Anna Schmidt");
        String markId = lastLine(marked);
        assertThat(markId).doesNotContain(" ").isNotBlank();
        assertThat(marked)
                .contains(
                        "Told the conversation: Anna Schmidt hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen");

        assertThat(received(BEN))
                .containsExactly("[Anna Schmidt hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen]");

        String listed = as(ANNA, "records", "list");
        assertThat(listed)
                .contains(markId)
                .contains("Az. 12-345/2026")
                .contains("Größenänderung der Rechenzentrumsfläche")
                .contains(conversation)
                .contains("3 messages")
                .contains("unfiled");
        as(ANNA, "--json", "records", "list", "--unfiled");
        JsonNode listedJson = jsonLines().getFirst();
        assertThat(listedJson.get("markId").asText()).isEqualTo(markId);
        assertThat(listedJson.get("messageCount").asInt()).isEqualTo(3);
        assertThat(listedJson.get("state").asText()).isEqualTo("unfiled");
        assertThat(listedJson.get("exportedAt").isNull()).isTrue();
        as(ANNA, "--json", "records", "list", "--exported");
        assertThat(jsonLines()).isEmpty();

        Path exports = dir.resolve("exports");
        Path zip = Path.of(lastLine(as(ANNA, "records", "export", "--mark", markId, "--out", exports.toString())));
        assertThat(zip).exists().hasParent(exports.toAbsolutePath());
        assertThat(zip.getFileName().toString()).endsWith(".zip");

        as(ANNA, "--json", "records", "list", "--exported");
        JsonNode exported = jsonLines().getFirst();
        assertThat(exported.get("markId").asText()).isEqualTo(markId);
        assertThat(exported.get("state").asText()).isEqualTo("exported");
        assertThat(exported.get("exportedAt").asText()).isNotBlank();

        // verify needs no account: no --home, no passphrase
        assertThat(verify(zip)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("UNVERSEHRT / INTACT").contains("Signed by: CN=Vermerk device " + ANNA);
        assertThat(run("cli", "records", "verify", "--json", zip.toString())).isZero();
        JsonNode verdict = jsonLines().getLast();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("filesChecked").asInt()).isGreaterThanOrEqualTo(3);

        // one byte changed inside a file
        Path changed = rewrite(zip, "changed.zip", e -> true, e -> e.endsWith("_messages.json"), null);
        assertThat(verify(changed)).isEqualTo(1);
        assertThat(out.toString())
                .contains("NICHT UNVERSEHRT")
                .contains("VERIFY-7")
                .contains("_messages.json");
        assertThat(err.toString()).contains("NOT intact");

        // one byte changed in the ZIP file itself
        Path flipped = dir.resolve("flipped.zip");
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(flipped, bytes);
        assertThat(verify(flipped)).isNotZero();
        assertThat(out.toString()).contains("NICHT UNVERSEHRT").containsPattern("VERIFY-\\d");

        // a file added
        Path added = rewrite(zip, "added.zip", e -> true, e -> false, "Nachtrag.txt");
        assertThat(verify(added)).isEqualTo(1);
        assertThat(out.toString()).contains("VERIFY-6").contains("Nachtrag.txt");

        // a file removed
        Path removed = rewrite(zip, "removed.zip", e -> !e.endsWith("_transcript.pdf"), e -> false, null);
        assertThat(verify(removed)).isEqualTo(1);
        assertThat(out.toString()).contains("VERIFY-5").contains("_transcript.pdf");
        assertThat(run("cli", "records", "verify", "--json", removed.toString()))
                .isEqualTo(1);
        List<JsonNode> lines = jsonLines();
        assertThat(lines.getLast().get("intact").asBoolean()).isFalse();
        assertThat(lines.getLast().get("rulesBroken").toString()).contains("VERIFY-5");

        // an exported mark stays listed, and the file does not exist
        assertThat(verify(dir.resolve("nothing.zip"))).isEqualTo(1);
    }

    @Test
    void withRecordsNoticeOffTheConversationIsNotTold() throws Exception {
        enrol(ANNA);
        enrol(BEN);
        JsonNode message = send(ANNA, BEN, "Nur für die Akte.");
        assertThat(received(BEN)).containsExactly("Nur für die Akte.");
        policy = Files.writeString(dir.resolve("policy.json"), "{\"recordsNotice\": false}\n");

        String marked = as(
                ANNA,
                "records",
                "mark",
                "--conversation",
                message.get("conversationId").asText(),
                "--from",
                message.get("messageId").asText(),
                "--file-ref",
                "12-345/2026",
                "--subject",
                "Ohne Hinweis");
        assertThat(marked).doesNotContain("zu den Akten genommen").contains("Marked 1 message");
        as(ANNA, "receive", "--until-idle", "1");
        assertThat(received(BEN)).isEmpty();

        // --no-notice: the user's choice where the policy does not lock it
        policy = dir.resolve("no-policy.json");
        String[] mark = {
            "records",
            "mark",
            "--conversation",
            message.get("conversationId").asText(),
            "--from",
            message.get("messageId").asText(),
            "--file-ref",
            "12-345/2026",
            "--subject",
            "Betreff"
        };
        as(ANNA, concat(mark, "--no-notice"));
        assertThat(received(BEN)).isEmpty();

        // locked off, the user cannot switch it on
        policy = Files.writeString(
                dir.resolve("locked.json"), "{\"recordsNotice\": false, \"locked\": [\"recordsNotice\"]}\n");
        assertThat(run(concat(
                        new String[] {"cli", "--home", dir.resolve(ANNA).toString(), "--passphrase-file", pass},
                        concat(mark, "--notice"))))
                .isEqualTo(2);
        assertThat(err.toString()).contains("locks recordsNotice");

        // the policy's default is on: the notice goes out (so the silence above was the policy's and the option's)
        policy = dir.resolve("no-policy.json");
        as(ANNA, mark);
        assertThat(received(BEN))
                .containsExactly("[" + ANNA + " hat 1 Nachricht zu Az. 12-345/2026 zu den Akten genommen]");
    }

    @Test
    void changeShowAndWithdrawWriteTheAuditTrailAndStopAtExport() throws Exception {
        enrol(ANNA);
        enrol(BEN);
        JsonNode message = send(ANNA, BEN, "Die Vorlage geht heute raus.");
        String[] mark = {
            "records",
            "mark",
            "--conversation",
            message.get("conversationId").asText(),
            "--from",
            message.get("messageId").asText(),
            "--file-ref",
            "12-345/2026",
            "--subject",
            "Erster Betreff",
            "--no-notice"
        };
        String markId = lastLine(as(ANNA, mark));

        String changed =
                as(ANNA, "records", "change", "--mark", markId, "--subject", "Zweiter Betreff", "--no-attachments");
        assertThat(changed).contains("Changed mark " + markId).contains("Zweiter Betreff");

        as(ANNA, "--json", "records", "show", "--mark", markId);
        List<JsonNode> shown = jsonLines();
        assertThat(shown.getFirst().get("subject").asText()).isEqualTo("Zweiter Betreff");
        assertThat(shown.getFirst().get("fileReference").asText()).isEqualTo("12-345/2026");
        assertThat(shown.getFirst().get("includeAttachments").asBoolean()).isFalse();
        List<JsonNode> trail = shown.subList(1, shown.size());
        assertThat(trail).extracting(l -> l.get("action").asText()).containsExactly("marked", "changed", "changed");
        assertThat(trail).allSatisfy(l -> assertThat(l.get("by").asText()).isEqualTo(ANNA));
        assertThat(trail.get(1).get("field").asText()).isEqualTo("subject");
        assertThat(trail.get(1).get("oldValue").asText()).isEqualTo("Erster Betreff");
        assertThat(trail.get(1).get("newValue").asText()).isEqualTo("Zweiter Betreff");
        assertThat(trail.get(2).get("field").asText()).isEqualTo("includeAttachments");
        assertThat(trail.get(2).get("newValue").asText()).isEqualTo("false");
        assertThat(as(ANNA, "records", "show", "--mark", markId))
                .contains("Audit trail:")
                .contains("changed subject: \"Erster Betreff\" -> \"Zweiter Betreff\"");

        // nothing to change is a usage error
        assertThat(run(
                        "cli",
                        "--home",
                        dir.resolve(ANNA).toString(),
                        "--passphrase-file",
                        pass,
                        "records",
                        "change",
                        "--mark",
                        markId))
                .isEqualTo(2);

        assertThat(as(ANNA, "records", "withdraw", "--mark", markId)).contains("Withdrew mark " + markId);
        assertThat(as(ANNA, "records", "list")).doesNotContain(markId);
        assertThat(as(ANNA, "records", "list", "--withdrawn")).contains(markId).contains("withdrawn");
        assertThat(as(ANNA, "records", "show", "--mark", markId)).contains("  withdrawn");

        // an exported mark can be neither changed nor withdrawn
        String exportedId = lastLine(as(ANNA, mark));
        as(
                ANNA,
                "records",
                "export",
                "--mark",
                exportedId,
                "--out",
                dir.resolve("exports").toString());
        String[] home = {"cli", "--home", dir.resolve(ANNA).toString(), "--passphrase-file", pass};
        assertThat(run(concat(home, "records", "change", "--mark", exportedId, "--subject", "Später")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("exported");
        assertThat(run(concat(home, "records", "withdraw", "--mark", exportedId)))
                .isEqualTo(1);
        assertThat(as(ANNA, "records", "show", "--mark", exportedId))
                .contains("Erster Betreff")
                .contains("  exported");

        // an addendum needs an exported mark with later changes (the whole path is in RecordsServiceTest)
        String unfiledId = lastLine(as(ANNA, mark));
        assertThat(run(concat(home, "--json", "records", "addendum", "--mark", unfiledId, "--out", dir.toString())))
                .isEqualTo(1);
        assertThat(err.toString()).contains("mark_not_exported");
        assertThat(run(concat(home, "--json", "records", "addendum", "--mark", exportedId, "--out", dir.toString())))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no_later_changes");
    }

    private static String[] concat(String[] a, String... b) {
        String[] result = new String[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /** A copy of the ZIP keeping the entries {@code keep} accepts, one byte of those {@code change} accepts flipped, and {@code add} added. */
    private Path rewrite(Path zip, String name, Predicate<String> keep, Predicate<String> change, String add)
            throws IOException {
        Path copy = dir.resolve(name);
        try (ZipFile in = new ZipFile(zip.toFile());
                OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream zout = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!keep.test(entry.getName())) {
                    continue;
                }
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (change.test(entry.getName())) {
                    content[content.length / 2] ^= 0x20;
                }
                zout.putNextEntry(new ZipEntry(entry.getName()));
                zout.write(content);
                zout.closeEntry();
            }
            if (add != null) {
                zout.putNextEntry(new ZipEntry(add));
                zout.write("nachträglich".getBytes(StandardCharsets.UTF_8));
                zout.closeEntry();
            }
        }
        return copy;
    }
}
