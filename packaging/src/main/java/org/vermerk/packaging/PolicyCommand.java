package org.vermerk.packaging;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code vermerk policy}: tools for the machine-wide admin policy (docs/admin/policy.md). */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the machine-wide admin policy and prints its JSON Schema.",
            "See docs/admin/policy.md for the keys."
        },
        subcommands = {PolicyCheckCommand.class, PolicySchemaCommand.class})
final class PolicyCommand {
    @ParentCommand
    VermerkCommand root;
}
