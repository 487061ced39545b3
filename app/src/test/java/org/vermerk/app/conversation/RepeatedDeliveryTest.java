package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.app.testing.EngineClient.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.InboxCursor;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.testing.CuttingProxy;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Message;

/**
 * A delivery the server sends again after a cut, while this device still works on an earlier one,
 * counts as done (commit 506d8f9): the cumulative ack reaches past it. Made deterministic by holding
 * one conversation's worker in the listener (after the message is stored, before it counts as
 * done), so the ack cannot pass that delivery while a later one of another conversation is stored,
 * then cutting Ben's connection: the server repeats both unacknowledged deliveries.
 */
class RepeatedDeliveryTest {
    private static final String HELD = "angehalten";

    @TempDir
    Path dir;

    private LoopbackServer server;
    private CuttingProxy proxy;
    private EngineClient anna;
    private Account benAccount;
    private ConversationEngine ben;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> benTexts = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> benStates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
        proxy = new CuttingProxy(server.port());
        anna = EngineClient.enrol(server, dir.resolve("anna"), "anna@bmi.example");
        String code = server.addUser("ben@bmi.example");
        benAccount = TestAccounts.enrolVia(server, proxy.url(), dir.resolve("ben"), "ben@bmi.example", code);
        ben = ConversationEngine.start(benAccount, new ConversationListener() {
            @Override
            public void onMessage(Message message) {
                if (message.searchText() == null || message.senderUserId().equals("ben@bmi.example")) {
                    return;
                }
                benTexts.add(message.searchText());
                if (message.searchText().equals(HELD)) {
                    held.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS); // on the conversation's worker
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void onConnectionState(ConnectionState state) {
                benStates.add(state);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        ben.close();
        benAccount.close();
        anna.close();
        proxy.close();
        server.close();
    }

    @Test
    void aDeliveryRepeatedAfterACutWhileAnEarlierOneIsStillWorkedOnCountsAsDone() throws Exception {
        String direct = anna.engine().direct("ben@bmi.example");
        String group = anna.engine().createGroup("Lage", List.of("ben@bmi.example"));
        await(() -> ben.conversations().size() == 2, "ben joined both");
        assertThat(ben.awaitIdle(Duration.ofMillis(300), EngineClient.WAIT)).isTrue();

        anna.engine().sendText(direct, HELD);
        assertThat(held.await(60, TimeUnit.SECONDS))
                .as("ben's 1:1 worker holds the first")
                .isTrue();
        anna.engine().sendText(group, "danach");
        await(() -> benTexts.contains("danach"), "ben stored the later delivery of the group");
        long ackedBeforeCut = new InboxCursor(benAccount.keystore()).storedUpTo();

        int onlineBefore = onlineCount();
        proxy.cut(); // both deliveries are unacknowledged: the server sends them again
        await(() -> onlineCount() > onlineBefore, "ben is back online");
        release.countDown();

        assertThat(ben.awaitIdle(Duration.ofMillis(300), EngineClient.WAIT))
                .as("nothing stays in flight: the repeats counted as done")
                .isTrue();
        assertThat(new InboxCursor(benAccount.keystore()).storedUpTo()).isGreaterThan(ackedBeforeCut);
        assertThat(benTexts).containsExactly(HELD, "danach"); // each shown once

        anna.engine().sendText(group, "und weiter");
        await(() -> benTexts.contains("und weiter"), "ben still receives");
    }

    private int onlineCount() {
        return (int) benStates.stream()
                .filter(s -> s instanceof ConnectionState.Online)
                .count();
    }
}
