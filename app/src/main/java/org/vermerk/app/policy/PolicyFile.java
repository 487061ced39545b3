package org.vermerk.app.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a policy file from disk. The client calls {@link #loadAtStart} once, before anything else:
 * an {@link InvalidPolicyException} stops it with the exception's message.
 */
public final class PolicyFile {
    /** Larger files are refused: a policy is a few kilobytes, even with several certificates. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final PolicyParser parser;

    public PolicyFile(PolicyParser parser) {
        this.parser = parser;
    }

    /**
     * The policy the client runs with: {@code explicitFile} when given ({@code --policy FILE}, which
     * must exist), otherwise the machine policy at {@code location}, or {@link AdminPolicy#none} when
     * there is no file there.
     */
    public AdminPolicy loadAtStart(Path explicitFile, PolicyLocation location) throws InvalidPolicyException {
        return explicitFile != null ? load(explicitFile) : loadIfPresent(location.toPath());
    }

    /** The policy in {@code file}, which must exist. */
    public AdminPolicy load(Path file) throws InvalidPolicyException {
        byte[] content = read(file);
        if (content == null) {
            throw new InvalidPolicyException(
                    file, new PolicyProblem(null, PolicyRule.UNREADABLE, "does not exist"), null);
        }
        return parser.parse(file, content);
    }

    /** The policy in {@code file}, or {@link AdminPolicy#none} when there is no such file. */
    public AdminPolicy loadIfPresent(Path file) throws InvalidPolicyException {
        byte[] content = read(file);
        return content == null ? AdminPolicy.none(file) : parser.parse(file, content);
    }

    /** The file's bytes, or null when it does not exist. */
    private static byte[] read(Path file) throws InvalidPolicyException {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidPolicyException(
                        file, new PolicyProblem(null, PolicyRule.UNREADABLE, "is a directory, not a file"), null);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidPolicyException(
                        file,
                        new PolicyProblem(
                                null,
                                PolicyRule.UNREADABLE,
                                "is " + size + " bytes; a policy file may have at most " + MAX_BYTES),
                        null);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InvalidPolicyException(
                    file, new PolicyProblem(null, PolicyRule.UNREADABLE, "cannot be read: " + e), e);
        }
    }
}
