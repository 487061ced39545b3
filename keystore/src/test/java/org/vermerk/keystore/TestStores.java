package org.vermerk.keystore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/** Shared fixtures: cheap Argon2id for tests that are not about Argon2id, sample data, child JVMs. */
final class TestStores {
    /** 1 MiB, 1 pass: for tests that are not about the KDF (those use {@link Argon2Params#DEFAULT}). */
    static final Argon2Params CHEAP_KDF = new Argon2Params(1024, 1, 1);

    static final String PASSPHRASE = "korrekt Pferd Batterie Heftklammer";

    private TestStores() {}

    static KeystoreOptions options() {
        return KeystoreOptions.defaults().withKdf(CHEAP_KDF);
    }

    static Passphrase passphrase() {
        return Passphrase.of(PASSPHRASE.toCharArray());
    }

    static Passphrase passphrase(String text) {
        return Passphrase.of(text.toCharArray());
    }

    static Conversation conversation(String id, String title) {
        return new Conversation(
                id,
                Bytes.of(id.getBytes(StandardCharsets.UTF_8)),
                Conversation.Kind.GROUP,
                title,
                null,
                Instant.parse("2026-11-01T09:00:00Z"),
                false);
    }

    static Message message(String conversationId, String id, long serverSeq, String text) {
        return Message.of(
                id,
                conversationId,
                serverSeq,
                "anna.schmidt@bmi.example",
                "device-1",
                Instant.parse("2026-11-01T09:00:00Z").plusSeconds(serverSeq),
                Instant.parse("2026-11-01T09:00:01Z").plusSeconds(serverSeq),
                "{\"type\":\"text\",\"text\":\"" + text + "\"}",
                text,
                DeliveryState.RECEIVED);
    }

    static Secret state(String text) {
        return Secret.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(Secret secret) {
        return new String(secret.expose(), StandardCharsets.UTF_8);
    }

    /** Starts {@link StoreChild} in a new JVM with the test class path. */
    static Process startChild(String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreChild.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
