package org.vermerk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.vermerk.keystore.archfixture.FixtureStore;
import org.vermerk.protocol.archfixture.ProtocolReachingForJdbc;
import org.vermerk.server.archfixture.ServerHandlerOpeningJdbc;
import org.vermerk.server.archfixture.ServerRunningKeySchedule;
import org.vermerk.server.storage.archfixture.FixtureServerStorage;
import org.vermerk.ui.archfixture.ViewOpeningTheStore;

/**
 * Shows that the rules of {@link ModuleBorders} are not vacuous: each one reports the deliberate
 * violations in the {@code archfixture} test packages (which {@link ModuleBordersTest} never sees).
 */
class ModuleBorderRulesBiteTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(
                    ProtocolReachingForJdbc.class,
                    ServerRunningKeySchedule.class,
                    ServerHandlerOpeningJdbc.class,
                    FixtureServerStorage.class,
                    FixtureStore.class,
                    ViewOpeningTheStore.class);

    private static String violationsOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as("violations of " + rule).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void protocolUsingJdbcIsReported() {
        assertThat(violationsOf(ModuleBorders.PROTOCOL_IS_A_PURE_LIBRARY)).contains("java.sql.Connection");
    }

    @Test
    void jdbcOutsideKeystoreIsReported() {
        assertThat(violationsOf(ModuleBorders.ONLY_KEYSTORE_AND_SERVER_STORAGE_TOUCH_JDBC))
                .contains("ProtocolReachingForJdbc");
    }

    @Test
    void jdbcInTheServerOutsideItsStoragePackageIsReportedButNotInsideIt() {
        assertThat(violationsOf(ModuleBorders.ONLY_KEYSTORE_AND_SERVER_STORAGE_TOUCH_JDBC))
                .contains("ServerHandlerOpeningJdbc")
                .doesNotContain("FixtureServerStorage");
    }

    @Test
    void serverReachingIntoTheKeyScheduleIsReported() {
        assertThat(violationsOf(ModuleBorders.SERVER_SEES_ONLY_WIRE_AND_FRAMING))
                .contains("GroupContext");
    }

    @Test
    void uiOpeningTheStoreIsReported() {
        assertThat(violationsOf(ModuleBorders.UI_USES_ONLY_THE_ENGINE)).contains("FixtureStore");
    }

    @Test
    void printingFromALibraryIsReported() {
        assertThat(violationsOf(ModuleBorders.LIBRARIES_DO_NOT_PRINT)).contains("System.out");
    }
}
