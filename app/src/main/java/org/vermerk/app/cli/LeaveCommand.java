package org.vermerk.app.cli;

import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli group leave}: asks the group to remove this device. */
@Command(
        name = "leave",
        mixinStandardHelpOptions = true,
        description = {
            "Leaves a group: asks the other members to remove this device (one of their clients does",
            "so when it next connects) and archives the conversation here."
        })
final class LeaveCommand extends GroupCommand.GroupSub {
    @Option(names = "--conversation", paramLabel = "ID", required = true, description = "The group.")
    String conversation;

    @Override
    void run(Account account, ConversationEngine engine) throws Exception {
        engine.leave(conversation);
        output.result(
                "Asked to leave " + conversation + "; the other members' clients remove you",
                Output.fields("event", "leaveRequested", "conversationId", conversation));
    }
}
