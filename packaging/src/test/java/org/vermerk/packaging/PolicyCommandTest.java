package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.OperatingSystem;
import org.vermerk.app.policy.PolicyLocation;
import picocli.CommandLine;

class PolicyCommandTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code vermerk} with the machine-wide policy looked for at {@code machinePolicy}. */
    private int run(Path machinePolicy, String... args) {
        CommandLine commandLine =
                VermerkCommand.commandLine(new PolicyLocation(OperatingSystem.current(), machinePolicy.toString()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String json) throws Exception {
        return Files.writeString(directory.resolve(name), json);
    }

    @Test
    void withoutAMachinePolicyTheCheckSaysTheDefaultsApplyAndExitsZero() {
        Path absent = directory.resolve("policy.json");
        assertThat(run(absent, "policy", "check")).isZero();
        assertThat(out.toString())
                .contains("No admin policy at " + absent + ": the built-in defaults apply.")
                .containsPattern("idleLockMinutes\\s+default\\s+yes\\s+15 minutes")
                .containsPattern("serverUrl\\s+default\\s+yes\\s+\\(not set\\)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aValidMachinePolicyIsListedWithTheSourceOfEachValue() throws Exception {
        Path machine = write("policy.json", """
                {"serverUrl": "https://vermerk.bmi.example", "idleLockMinutes": 5, "cipherSuite": 2, "locked": ["serverUrl"]}
                """);
        assertThat(run(machine, "policy", "check")).isZero();
        assertThat(out.toString())
                .contains("Admin policy " + machine + " is valid.")
                .containsPattern("serverUrl\\s+policy-locked\\s+no\\s+https://vermerk.bmi.example")
                .containsPattern("idleLockMinutes\\s+policy\\s+yes\\s+5 minutes")
                .containsPattern(
                        "cipherSuite\\s+policy-locked\\s+no\\s+2 \\(MLS_128_DHKEMP256_AES128GCM_SHA256_P256\\)")
                .containsPattern("language\\s+default\\s+yes\\s+de");
    }

    @Test
    void anInvalidPolicyPrintsTheProblemAndExitsOne() throws Exception {
        Path machine = write("policy.json", "{\"idleLockMinutes\": 5000}");
        assertThat(run(machine, "policy", "check")).isEqualTo(1);
        assertThat(err.toString())
                .contains("Invalid admin policy " + machine
                        + ": idleLockMinutes: must be from 0 to 1440, was 5000 (POLICY-5)")
                .contains("The client refuses to start with this policy.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void thePolicyOptionOfTheCheckReplacesTheMachinePolicy() throws Exception {
        Path machine = write("machine.json", "{\"language\": \"de\"}");
        Path test = write("test.json", "{\"language\": \"en\"}");
        assertThat(run(machine, "policy", "check", "--policy", test.toString())).isZero();
        assertThat(out.toString()).contains("Admin policy " + test).containsPattern("language\\s+policy\\s+yes\\s+en");
    }

    @Test
    void theGlobalPolicyOptionReachesTheCheck() throws Exception {
        Path machine = write("machine.json", "{\"language\": \"de\"}");
        Path test = write("test.json", "{\"language\": \"en\"}");
        assertThat(run(machine, "--policy", test.toString(), "policy", "check")).isZero();
        assertThat(out.toString()).containsPattern("language\\s+policy\\s+yes\\s+en");
    }

    @Test
    void aPolicyOptionNamingAMissingFileIsAnErrorNotTheDefaults() {
        Path absent = directory.resolve("typo.json");
        assertThat(run(directory.resolve("none.json"), "policy", "check", "--policy", absent.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Invalid admin policy " + absent + ": does not exist (POLICY-2)");
    }

    @Test
    void theSchemaCommandPrintsTheDraft202012Schema() {
        assertThat(run(directory.resolve("none.json"), "policy", "schema")).isZero();
        assertThat(out.toString())
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
                .contains("\"idleLockMinutes\"");
    }

    @Test
    void helpListsThePolicyCommandAndTheGlobalPolicyOption() {
        assertThat(run(directory.resolve("none.json"), "--help")).isZero();
        assertThat(out.toString()).contains("policy").contains("--policy=FILE");
    }
}
