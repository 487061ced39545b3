package org.vermerk.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vermerk policy schema}: prints the policy's JSON Schema (draft 2020-12) for editors and tools. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema (draft 2020-12) of the admin policy.",
            "`vermerk policy check` stays the authority: it also parses certificates and URLs."
        })
final class PolicySchemaCommand implements Callable<Integer> {
    /** The schema's place on the class path (packaging/src/main/resources/policy/). */
    static final String RESOURCE = "/policy/policy.schema.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(schema());
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String schema() {
        try (InputStream in = PolicySchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
