package org.vermerk.app.cli;

import java.time.Duration;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;

/** A subcommand that runs the conversation engine while it works. */
abstract class EngineCommand extends CliCommand.Sub {
    /** How long a command waits for the server to accept what it sent. */
    static final Duration SEND_WAIT = Duration.ofSeconds(30);

    /** The unlocked account, set before the engine starts (so a listener may read the store). */
    volatile Account account;

    @Override
    final void execute() throws Exception {
        check();
        try (Account account = unlock(settings())) {
            this.account = account;
            ConversationEngine engine = ConversationEngine.start(account, listener());
            try {
                run(account, engine);
            } finally {
                engine.close();
            }
        }
    }

    /** Checks the arguments before the account is unlocked and the engine connects. */
    void check() throws Exception {}

    ConversationListener listener() {
        return new ConversationListener() {};
    }

    abstract void run(Account account, ConversationEngine engine) throws Exception;

    /** Waits until the outbox is empty; fails (the messages stay queued for the next run) otherwise. */
    void awaitSent(ConversationEngine engine) throws Exception {
        if (!engine.awaitOutboxEmpty(SEND_WAIT)) {
            throw new CliFailure(
                    ExitCodes.UNREACHABLE,
                    "not_sent",
                    "the server did not accept the message in " + SEND_WAIT.toSeconds()
                            + " s; it stays queued and is sent by the next command that connects");
        }
    }
}
