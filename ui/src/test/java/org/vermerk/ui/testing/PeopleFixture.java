package org.vermerk.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.keystore.Passphrase;

/**
 * Real enrolled devices with running engines against a {@link TestServer}, for the people screens'
 * tests: each user's directory entry has a display name.
 */
public final class PeopleFixture implements AutoCloseable {
    private final TestServer server;
    private final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    public PeopleFixture(Path dir) throws Exception {
        this.dir = dir;
        this.server = new TestServer(dir.resolve("server"));
    }

    public TestServer server() {
        return server;
    }

    /** A new user with one device; its engine runs until {@link #close()}. */
    public ConversationEngine user(String userId, String displayName) throws Exception {
        return device(userId, userId, server.addUser(userId, displayName));
    }

    /** A further device of an existing user (a re-enrolment). */
    public ConversationEngine anotherDevice(String userId, String home) throws Exception {
        return device(userId, home, server.newCode(userId));
    }

    /** A directory entry without a device. */
    public void directoryOnly(String userId, String displayName) throws Exception {
        server.addUser(userId, displayName);
    }

    private ConversationEngine device(String userId, String home, String code) throws Exception {
        Passphrase passphrase = Passphrase.of("Akte Mai fertig heute".toCharArray());
        Account account = Account.enrol(
                new ClientHome(dir.resolve(home)),
                passphrase,
                new Account.Enrolment(
                        ServerSettings.forEnrolment(
                                Policies.effective(Policies.none()),
                                Optional.of(server.url()),
                                CaCertificates.read(server.caFile())),
                        userId,
                        code,
                        "Arbeitsplatz"),
                Policies.effective(Policies.none()),
                TestServer.quickOptions());
        ConversationEngine engine = ConversationEngine.start(account, new ConversationListener() {});
        open.add(account);
        open.add(engine);
        return engine;
    }

    @Override
    public void close() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }
}
