package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path directory;

    private final PolicyFile policyFile = new PolicyFile(new PolicyParser());

    @Test
    void withoutAFileAtTheMachineLocationTheDefaultsApply() throws Exception {
        Path absent = directory.resolve("vermerk/policy.json");
        AdminPolicy policy = policyFile.loadIfPresent(absent);
        assertThat(policy.present()).isFalse();
        assertThat(policy.file()).isEqualTo(absent);
    }

    @Test
    void aFileAtTheMachineLocationIsRead() throws Exception {
        Path file = Files.writeString(directory.resolve("policy.json"), "{\"language\": \"en\"}");
        AdminPolicy policy = policyFile.loadIfPresent(file);
        assertThat(policy.present()).isTrue();
        assertThat(policy.value(Settings.LANGUAGE)).contains(Language.ENGLISH);
    }

    @Test
    void anExplicitPolicyFileTakesThePlaceOfTheMachinePolicy() throws Exception {
        Path machine = Files.writeString(directory.resolve("machine.json"), "{\"language\": \"de\"}");
        Path explicit = Files.writeString(directory.resolve("test.json"), "{\"language\": \"en\"}");
        PolicyLocation location = new PolicyLocation(OperatingSystem.current(), machine.toString());
        assertThat(policyFile.loadAtStart(explicit, location).value(Settings.LANGUAGE))
                .contains(Language.ENGLISH);
        assertThat(policyFile.loadAtStart(null, location).value(Settings.LANGUAGE))
                .contains(Language.GERMAN);
    }

    @Test
    void anExplicitPolicyFileThatDoesNotExistStopsTheStart() {
        Path absent = directory.resolve("typo.json");
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> policyFile.load(absent));
        assertThat(e.getMessage()).isEqualTo("Invalid admin policy " + absent + ": does not exist (POLICY-2)");
    }

    @Test
    void aDirectoryWhereThePolicyShouldBeStopsTheStart() throws Exception {
        Path dir = Files.createDirectory(directory.resolve("policy.json"));
        InvalidPolicyException e =
                catchThrowableOfType(InvalidPolicyException.class, () -> policyFile.loadIfPresent(dir));
        assertThat(e.getMessage()).contains("is a directory, not a file (POLICY-2)");
    }

    @Test
    void aFileLargerThanOneMebibyteIsRefusedUnread() throws Exception {
        Path big = Files.write(directory.resolve("policy.json"), new byte[PolicyFile.MAX_BYTES + 1]);
        InvalidPolicyException e =
                catchThrowableOfType(InvalidPolicyException.class, () -> policyFile.loadIfPresent(big));
        assertThat(e.getMessage()).contains("is 1048577 bytes; a policy file may have at most 1048576 (POLICY-2)");
    }

    @Test
    void anInvalidFileAtTheMachineLocationStopsTheStartRatherThanBeingIgnored() throws Exception {
        Path file = Files.writeString(directory.resolve("policy.json"), "{\"idleLockMinutes\": \"15\"}");
        InvalidPolicyException e =
                catchThrowableOfType(InvalidPolicyException.class, () -> policyFile.loadIfPresent(file));
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).contains(file.toString()).contains("idleLockMinutes: must be a whole number");
    }
}
