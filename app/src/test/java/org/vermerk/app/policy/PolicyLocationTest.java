package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyLocationTest {
    private static final Map<String, String> NO_VARIABLES = Map.of();

    @Test
    void linuxReadsTheFileUnderEtc() {
        assertThat(PolicyLocation.of(OperatingSystem.LINUX, NO_VARIABLES::get).path())
                .isEqualTo("/etc/vermerk/policy.json");
    }

    @Test
    void macosReadsTheFileUnderLibraryApplicationSupport() {
        assertThat(PolicyLocation.of(OperatingSystem.MACOS, NO_VARIABLES::get).path())
                .isEqualTo("/Library/Application Support/Vermerk/policy.json");
    }

    @Test
    void windowsReadsTheFileUnderProgramDataAsTheEnvironmentNamesIt() {
        Map<String, String> environment = Map.of("ProgramData", "D:\\ProgramData\\");
        assertThat(PolicyLocation.of(OperatingSystem.WINDOWS, environment::get).path())
                .isEqualTo("D:\\ProgramData\\Vermerk\\policy.json");
    }

    @Test
    void windowsFallsBackToCProgramDataWhenTheVariableIsUnsetOrNotADrivePath() {
        assertThat(PolicyLocation.of(OperatingSystem.WINDOWS, NO_VARIABLES::get).path())
                .isEqualTo("C:\\ProgramData\\Vermerk\\policy.json");
        Map<String, String> relative = Map.of("ProgramData", "ProgramData");
        assertThat(PolicyLocation.of(OperatingSystem.WINDOWS, relative::get).path())
                .isEqualTo("C:\\ProgramData\\Vermerk\\policy.json");
    }

    @Test
    void osNamesMapToTheirFamilyAndOtherUnixSystemsCountAsLinux() {
        assertThat(OperatingSystem.fromOsName("Windows 11")).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(OperatingSystem.fromOsName("Windows Server 2022")).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(OperatingSystem.fromOsName("Mac OS X")).isEqualTo(OperatingSystem.MACOS);
        assertThat(OperatingSystem.fromOsName("Linux")).isEqualTo(OperatingSystem.LINUX);
        assertThat(OperatingSystem.fromOsName("FreeBSD")).isEqualTo(OperatingSystem.LINUX);
    }
}
