package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vermerk cli group}: group conversations. */
@Command(
        name = "group",
        mixinStandardHelpOptions = true,
        description = "Group conversations.",
        subcommands = {GroupCommand.Create.class, GroupCommand.Add.class, GroupCommand.Remove.class, LeaveCommand.class
        })
final class GroupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands run under {@code cli}, whose options they share. */
    abstract static class GroupSub extends EngineCommand {}

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Creates a group with a title and members (all their devices); prints its ID last.")
    static final class Create extends GroupSub {
        @Option(names = "--title", paramLabel = "TITLE", required = true, description = "The group's title.")
        String title;

        @Option(names = "--member", paramLabel = "USER_ID", description = "A member; repeat for more.")
        List<String> members = List.of();

        @Option(
                names = "--classification",
                paramLabel = "LABEL",
                description =
                        "A classification marking shown to all members, e.g. \"VS – NUR FÜR DEN DIENSTGEBRAUCH\".")
        String classification;

        @Override
        void run(Account account, ConversationEngine engine) throws Exception {
            String id = engine.createGroup(title, classification, members);
            awaitSent(engine);
            String marking = engine.conversation(id).orElseThrow().classification();
            output.result(
                    "Created group \"" + title + "\"" + (marking == null ? "" : " (" + marking + ")") + " with "
                            + engine.members(id).size() + " members\n" + id,
                    Output.fields(
                            "event",
                            "groupCreated",
                            "title",
                            title,
                            "classification",
                            marking,
                            "members",
                            engine.members(id).size(),
                            "conversationId",
                            id));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds people (all their devices).")
    static final class Add extends GroupSub {
        @Option(names = "--conversation", paramLabel = "ID", required = true, description = "The group.")
        String conversation;

        @Option(names = "--member", paramLabel = "USER_ID", required = true, description = "Whom; repeatable.")
        List<String> members;

        @Override
        void run(Account account, ConversationEngine engine) throws Exception {
            engine.addMembers(conversation, members);
            awaitSent(engine);
            output.result(
                    "Added " + String.join(", ", members),
                    Output.fields("event", "membersAdded", "conversationId", conversation, "members", members));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes people (all their devices).")
    static final class Remove extends GroupSub {
        @Option(names = "--conversation", paramLabel = "ID", required = true, description = "The group.")
        String conversation;

        @Option(names = "--member", paramLabel = "USER_ID", required = true, description = "Whom; repeatable.")
        List<String> members;

        @Override
        void run(Account account, ConversationEngine engine) throws Exception {
            engine.removeMembers(conversation, members);
            output.result(
                    "Removed " + String.join(", ", members),
                    Output.fields("event", "membersRemoved", "conversationId", conversation, "members", members));
        }
    }
}
