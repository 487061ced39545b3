package org.vermerk.app.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The admin policy cannot be used: the client must not start, and shows this message. The message
 * names the file and, for each problem, the key and what is wrong with it; all problems found are
 * reported at once, so an administrator can fix the file in one go.
 */
public final class InvalidPolicyException extends Exception {
    private final transient Path file;
    private final transient List<PolicyProblem> problems;

    public InvalidPolicyException(Path file, List<PolicyProblem> problems) {
        super(message(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid policy has at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public InvalidPolicyException(Path file, PolicyProblem problem, Throwable cause) {
        super(message(file, List.of(problem)), cause);
        this.file = file;
        this.problems = List.of(problem);
    }

    /** The policy file that was read. */
    public Path file() {
        return file;
    }

    /** What is wrong, in the order found in the file. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String message(Path file, List<PolicyProblem> problems) {
        if (problems.size() == 1) {
            return "Invalid admin policy " + file + ": " + problems.getFirst();
        }
        return "Invalid admin policy " + file + " (" + problems.size() + " problems):"
                + problems.stream().map(p -> System.lineSeparator() + "  " + p).collect(Collectors.joining());
    }
}
