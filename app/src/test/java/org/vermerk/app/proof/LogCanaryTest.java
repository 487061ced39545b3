package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.Message;

/**
 * A canary plaintext sent in a test appears in no log and nowhere in the server's data directory
 * (issue 5, "Proof").
 *
 * <p>Logging in tests: every module logs through SLF4J; the test backend is slf4j-simple, which
 * the app module's surefire configuration points at one file ({@code
 * org.slf4j.simpleLogger.logFile}, {@code target/app-tests.log}) with {@code org.vermerk} at DEBUG —
 * more than the product's logback configuration writes. Server and clients run in this JVM, so
 * that file holds the server's and the clients' log output; whatever else reaches stdout or stderr
 * during the test (JUL, stack traces) is captured too. The canary travels as text, group title,
 * reply and edit, and once in a message the server hands out changed (rejected by the recipient),
 * so error paths log too.
 */
class LogCanaryTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<EngineClient> clients = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void start() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        clients.reversed().forEach(EngineClient::close);
        server.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private EngineClient client(String userId) throws Exception {
        EngineClient c = EngineClient.enrol(server, dir.resolve(userId), userId);
        clients.add(c);
        return c;
    }

    @Test
    void aCanaryPlaintextIsInNoLogOutputAndNowhereInTheServersData() throws Exception {
        String canary = "KANARIENVOGEL-" + UUID.randomUUID();
        EngineClient anna = client("anna@bmi.example");
        EngineClient ben = client("ben@bmi.example");
        EngineClient cara = client("cara@bmi.example");

        String direct = anna.engine().direct(ben.userId);
        Message text = anna.engine().sendText(direct, canary + " text");
        ben.awaitTexts(direct, 1);
        Message reply = ben.engine().reply(direct, text.id(), canary + " reply");
        anna.awaitTexts(direct, 1);
        ben.engine().edit(direct, reply.id(), canary + " edited");
        String group = anna.engine().createGroup(canary + " title", List.of(ben.userId, cara.userId));
        anna.engine().sendText(group, canary + " group");
        cara.awaitTexts(group, 1);
        EngineClient.await(
                () -> cara.engine().conversation(group).orElseThrow().title().equals(canary + " title"),
                "cara knows the title");

        // A message the server hands out changed: the recipient rejects it and logs why.
        cara.goOffline();
        Message changed = anna.engine().sendText(group, canary + " changed");
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        server.stop();
        TamperedFrameTest.flipLastPayloadByte(dir.resolve("server").resolve("server.db"), changed.id());
        server.startAgain();
        cara.comeBack();
        EngineClient.await(() -> cara.rejected.size() == 1, "cara rejects the changed message");
        anna.engine().sendText(group, canary + " after");
        cara.awaitTexts(group, 2);
        for (EngineClient c : clients) {
            assertThat(c.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
            c.engine().awaitIdle(java.time.Duration.ofMillis(300), EngineClient.WAIT);
        }
        clients.forEach(EngineClient::close);
        clients.clear();
        server.stop(); // closing and graceful shutdown log too, and the data directory is complete

        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertThat(logFile).as("the test backend writes to a file").isNotNull();
        String log =
                Files.readString(Path.of(logFile), StandardCharsets.UTF_8) + console.toString(StandardCharsets.UTF_8);
        // The capture is real: this test's conversations and the rejection are in it.
        assertThat(log).contains("conversation=" + direct).contains("conversation=" + group);
        assertThat(log).contains("event=delivery_rejected conversation=" + group);
        assertThat(log).contains("event=appended group=" + group);
        for (String form : forms("KANARIENVOGEL")) {
            assertThat(log).as("log output holds the canary as " + form).doesNotContain(form);
        }

        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (var walk = Files.walk(dir.resolve("server"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().equals("server.db"));
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertThat(indexOf(content, needle)).as(file.toString()).isEqualTo(-1);
            assertThat(indexOf(content, "KANARIENVOGEL".getBytes(StandardCharsets.UTF_8)))
                    .as(file.toString())
                    .isEqualTo(-1);
        }
        server.startAgain(); // for @AfterEach
    }

    /** The canary's prefix as text and in the encodings a careless log line would use. */
    private static List<String> forms(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return List.of(
                text,
                HexFormat.of().formatHex(bytes),
                HexFormat.of().withUpperCase().formatHex(bytes),
                java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) throws java.io.IOException {
            a.write(buffer, offset, length);
            b.write(buffer, offset, length);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
