package org.vermerk.app.proof;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * The client process that {@link CrashRecoveryTest} kills: unlocks the store in {@code HOME}, starts
 * the engine, and reports on stdout, one line each, flushed: {@code READY}; {@code ONLINE} at each
 * authentication; {@code SHOWN id text}
 * for each message of another user its listener shows; {@code SENT n id} after "{@code USER n}" is
 * stored. It sends numbered texts into {@code CONVERSATION} (joining it from the Welcome first),
 * numbering on from what its store holds, until it is killed. With {@code drain N} it sends nothing
 * and waits until the store holds {@code N} texts of others and the outbox is empty, then prints
 * {@code DONE} and ends.
 *
 * <p>Arguments: {@code HOME CONVERSATION send|drain [N]}.
 */
public final class CrashingClient {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private CrashingClient() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String conversationId = args[1];
        boolean drain = args[2].equals("drain");
        Account account = Account.unlock(
                new ClientHome(home), TestAccounts.passphrase(), TestAccounts.noPolicy(), TestAccounts.options());
        String self = account.userId();
        ConversationEngine engine = ConversationEngine.start(account, new ConversationListener() {
            @Override
            public void onMessage(Message message) {
                if (!message.senderUserId().equals(self) && message.searchText() != null) {
                    report("SHOWN " + message.id() + " " + message.searchText());
                }
            }

            @Override
            public void onConnectionState(ConnectionState state) {
                if (state instanceof ConnectionState.Online) {
                    report("ONLINE");
                }
            }
        });
        report("READY");
        while (engine.conversation(conversationId).isEmpty()) {
            Thread.sleep(10); // the Welcome is processed on the join thread
        }
        if (drain) {
            int expected = Integer.parseInt(args[3]);
            while (textsOf(engine, conversationId, self, false) < expected
                    || !engine.awaitOutboxEmpty(Duration.ofMillis(100))) {
                Thread.sleep(50);
            }
            engine.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(30));
            report("DONE");
            engine.close();
            account.close();
            return;
        }
        int next = textsOf(engine, conversationId, self, true);
        while (true) {
            Message sent = engine.sendText(conversationId, self + " " + next);
            report("SENT " + next + " " + sent.id());
            next++;
            Thread.sleep(50);
        }
    }

    /** How many text messages of this user ({@code own}) or of others the store holds. */
    static int textsOf(ConversationEngine engine, String conversationId, String self, boolean own) throws Exception {
        return (int) engine.messages(conversationId, 1_000_000).stream()
                .filter(m -> m.searchText() != null && m.senderUserId().equals(self) == own)
                .count();
    }

    private static synchronized void report(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
