package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Message;

/**
 * {@code vermerk demo}'s preparation without windows: the first run makes a server and two
 * enrolled users with a conversation; the second run reuses all of it.
 */
class DemoSetupTest {
    @TempDir
    Path dir;

    private static final AccountOptions QUICK = AccountOptions.defaults()
            .withKeystore(KeystoreOptions.defaults().withKdf(new Argon2Params(512, 1, 1)))
            .withKeyPackages(6, 4);

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theFirstRunEnrolsAnnaAndBenWithAConversationAndTheSecondReusesEverything() throws Exception {
        int port = freePort();
        String passphrases;
        try (DemoSetup setup = DemoSetup.start(dir, port, QUICK)) {
            List<Account> accounts = setup.accounts();
            assertThat(accounts)
                    .extracting(Account::userId)
                    .containsExactly(DemoSetup.ANNA.userId(), DemoSetup.BEN.userId());
            passphrases = Files.readString(setup.passphraseFile());
            assertThat(Files.getPosixFilePermissions(setup.passphraseFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (ConversationEngine ben = ConversationEngine.start(accounts.get(1), new ConversationListener() {})) {
                ben.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(30));
                assertThat(ben.conversations()).hasSize(1);
                assertThat(setup.conversationId())
                        .as("the windows open this one")
                        .isEqualTo(ben.conversations().getFirst().id());
                List<Message> messages =
                        ben.messages(ben.conversations().getFirst().id(), 10);
                assertThat(messages)
                        .extracting(Message::searchText)
                        .filteredOn(java.util.Objects::nonNull) // Ben's "delivered" receipt has no text
                        .containsExactly(DemoSetup.FIRST_MESSAGE);
            }
        }
        try (DemoSetup again = DemoSetup.start(dir, port, QUICK)) {
            assertThat(Files.readString(again.passphraseFile())).isEqualTo(passphrases);
            List<Account> accounts = again.accounts();
            assertThat(accounts.get(0).deviceId()).isNotBlank();
            try (ConversationEngine anna = ConversationEngine.start(accounts.get(0), new ConversationListener() {})) {
                assertThat(anna.conversations()).as("not a second conversation").hasSize(1);
                assertThat(again.conversationId())
                        .isEqualTo(anna.conversations().getFirst().id());
            }
        }
    }
}
