package org.vermerk.app.proof;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.conversation.CommitProbe;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * The client process that {@link CommitWindowCrashTest} kills in the middle of its own commit.
 * Reports on stdout, one flushed line each. Arguments: {@code HOME CONVERSATION MODE …}:
 *
 * <ul>
 *   <li>{@code join}: waits until the conversation is joined and quiet, prints {@code JOINED}, ends.
 *   <li>{@code add USER accepted}: adds {@code USER}; the {@link CommitProbe} prints {@code
 *       ACCEPTED} when the server accepted the commit, before its merge is stored, and holds the
 *       worker there until the test kills the process.
 *   <li>{@code add USER sending}: adds {@code USER}; the probe prints {@code SENDING} once the
 *       pending commit is stored and waits for a line on stdin before the request goes out (the
 *       test arranges for the answer to be lost meanwhile).
 *   <li>{@code go}: runs and obeys stdin: {@code EXPECT N USER} prints {@code HAVE N} once the store
 *       holds N texts of USER; {@code SEND TEXT} sends and prints {@code SENT TEXT}; {@code QUIT}
 *       waits for the outbox to empty, prints {@code BYE} and ends. {@code SHOWN id text} for each
 *       text of another user its listener shows, {@code ONLINE} at each authentication.
 * </ul>
 */
public final class CommitCrashClient {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final BufferedReader IN =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private CommitCrashClient() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String conversationId = args[1];
        String mode = args[2];
        Account account = Account.unlock(
                new ClientHome(home), TestAccounts.passphrase(), TestAccounts.noPolicy(), TestAccounts.options());
        String self = account.userId();
        CommitProbe probe = !mode.equals("add")
                ? CommitProbe.NONE
                : args[4].equals("accepted") ? new StopAfterAccept() : new WaitBeforeSend();
        ConversationEngine engine = ConversationEngine.start(
                account,
                new ConversationListener() {
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
                },
                ConversationEngine.DEVICE_CHECK_INTERVAL,
                probe);
        while (engine.conversation(conversationId).isEmpty()) {
            Thread.sleep(10); // the Welcome is processed on the join thread
        }
        engine.awaitIdle(Duration.ofMillis(300), Duration.ofSeconds(30));
        switch (mode) {
            case "join" -> report("JOINED");
            case "add" -> {
                engine.addMembers(conversationId, List.of(args[3]));
                report("RETURNED"); // the probe holds the worker: not reached before the kill
            }
            case "go" -> obey(engine, conversationId);
            default -> throw new IllegalArgumentException(mode);
        }
        engine.close();
        account.close();
    }

    private static void obey(ConversationEngine engine, String conversationId) throws Exception {
        String line;
        while ((line = IN.readLine()) != null) {
            String[] words = line.split(" ", 3);
            switch (words[0]) {
                case "EXPECT" -> {
                    int count = Integer.parseInt(words[1]);
                    while (textsOf(engine, conversationId, words[2]) < count) {
                        Thread.sleep(20);
                    }
                    report("HAVE " + count);
                }
                case "SEND" -> {
                    String text = line.substring("SEND ".length());
                    engine.sendText(conversationId, text);
                    report("SENT " + text);
                }
                case "QUIT" -> {
                    engine.awaitOutboxEmpty(Duration.ofSeconds(60));
                    report("BYE");
                    return;
                }
                default -> throw new IllegalArgumentException(line);
            }
        }
    }

    private static int textsOf(ConversationEngine engine, String conversationId, String user) throws Exception {
        return (int) engine.messages(conversationId, 1_000_000).stream()
                .filter(m -> m.searchText() != null && m.senderUserId().equals(user))
                .count();
    }

    /** Holds the worker after the server's accept, before the merge is stored, until killed. */
    private static final class StopAfterAccept implements CommitProbe {
        @Override
        public void afterAccepted(String conversationId) {
            report("ACCEPTED");
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the test's go-ahead before the stored commit is sent. */
    private static final class WaitBeforeSend implements CommitProbe {
        @Override
        public void beforeSend(String conversationId) {
            report("SENDING");
            try {
                IN.readLine();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static synchronized void report(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
